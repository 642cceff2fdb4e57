import { createContext, useContext } from 'react';

export type Page = 'home' | 'students' | 'settings';

export const NavigationContext = createContext<(page: Page) => void>(() => undefined);

/** Move to another page of the unlocked app (the app is small enough not to need a router). */
export const useNavigate = () => useContext(NavigationContext);
