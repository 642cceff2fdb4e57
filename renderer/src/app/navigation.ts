import { createContext, useContext } from 'react';
import type { SignerRole } from '../../../shared/schemas/signature';
import type { StudentStatus } from '../../../shared/schemas/student';

export type ProfileTab = 'details' | 'contact' | 'status' | 'consent' | 'agreement' | 'firstSession' | 'ilp' | 'sessions' | 'boundaries' | 'history';

/** Where the unlocked app is; the app is small enough not to need a router. */
export type Route =
  | { page: 'home' }
  | { page: 'students'; statuses?: StudentStatus[] }
  | { page: 'student'; id: string; tab?: ProfileTab; agreementId?: string }
  | { page: 'newReferral' }
  | { page: 'import' }
  | { page: 'retention' }
  | { page: 'calendar' }
  | { page: 'week' }
  | { page: 'surveys' }
  | { page: 'settings' };
export type Page = Route['page'];

export const NavigationContext = createContext<(route: Route) => void>(() => undefined);

/** Move to another page of the unlocked app. */
export const useNavigate = () => useContext(NavigationContext);

/** A document that can be signed in signing mode. */
export type SignableRef = { kind: 'agreement'; agreementId: string } | { kind: 'firstSession' } | { kind: 'ilp' } | { kind: 'session'; sessionId: string };

/** What signing mode shows: one document, and the role whose signature is asked for first. */
export interface SigningRequest {
  studentId: string;
  document: SignableRef;
  role: SignerRole;
}

/**
 * Signing mode replaces the whole app (navigation, header, caseload) with the one document being
 * signed and the pad; leaving it asks for the mentor's passphrase.
 */
export const SigningContext = createContext<(request: SigningRequest) => void>(() => undefined);
export const useStartSigning = () => useContext(SigningContext);
