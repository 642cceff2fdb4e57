import type { Clock } from '../clock';
import type { Vault, Session } from '../vault/vault';
import { StudentRecords } from '../records/students';

/** What every handler may use. Records objects live as long as one unlocked session. */
export interface BackendContext {
  vault: Vault;
  clock: Clock;
  session(): Session;
  students(): StudentRecords;
  /** The auto-lock delay, remembered from settings while unlocked. */
  autoLockMinutes: number;
}

export function createContext(vault: Vault, clock: Clock): BackendContext {
  let cached: { session: Session; students: StudentRecords } | null = null;
  const forSession = () => {
    const session = vault.requireSession();
    if (!cached || cached.session !== session) cached = { session, students: new StudentRecords(session, clock) };
    return cached;
  };
  return {
    vault,
    clock,
    autoLockMinutes: 10,
    session: () => forSession().session,
    students: () => forSession().students,
  };
}
