import { createContext, useContext } from 'react';
import type { VaultStatus } from '../../../shared/schemas/vault';

/** The vault's state as the whole renderer sees it; owned by App, read by every screen. */
export interface Session {
  status: VaultStatus;
  /** Use the status a call returned (unlock, quick unlock, settings that change it). */
  applyStatus(next: VaultStatus): void;
  refreshStatus(): Promise<void>;
  /** The vault's contents were replaced (a backup was restored): reload every screen from scratch. */
  reloadAfterRestore(next: VaultStatus): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <App>');
  return session;
}
