import { createContext, useContext } from 'react';
import type { StudentStatus } from '../../../shared/schemas/student';

export type ProfileTab = 'details' | 'contact' | 'status' | 'consent' | 'history';

/** Where the unlocked app is; the app is small enough not to need a router. */
export type Route =
  | { page: 'home' }
  | { page: 'students'; statuses?: StudentStatus[] }
  | { page: 'student'; id: string; tab?: ProfileTab }
  | { page: 'newReferral' }
  | { page: 'import' }
  | { page: 'retention' }
  | { page: 'settings' };
export type Page = Route['page'];

export const NavigationContext = createContext<(route: Route) => void>(() => undefined);

/** Move to another page of the unlocked app. */
export const useNavigate = () => useContext(NavigationContext);
