import type { Clock } from '../clock';
import type { Vault, Session } from '../vault/vault';
import { StudentRecords } from '../records/students';
import { Agreements } from '../records/agreements';

/** What every handler may use. Records objects live as long as one unlocked session. */
export interface BackendContext {
  vault: Vault;
  clock: Clock;
  session(): Session;
  students(): StudentRecords;
  agreements(): Agreements;
  /** Where PDFs the user exports are written (the only plaintext files Mentor Desk makes). */
  exportDir: string;
  /** The auto-lock delay, remembered from settings while unlocked. */
  autoLockMinutes: number;
}

export function createContext(vault: Vault, clock: Clock, exportDir: string): BackendContext {
  let cached: { session: Session; students: StudentRecords; agreements: Agreements } | null = null;
  const forSession = () => {
    const session = vault.requireSession();
    if (!cached || cached.session !== session) {
      const students = new StudentRecords(session, clock);
      cached = { session, students, agreements: new Agreements(students, clock) };
    }
    return cached;
  };
  return {
    vault,
    clock,
    autoLockMinutes: 10,
    session: () => forSession().session,
    students: () => forSession().students,
    agreements: () => forSession().agreements,
    exportDir,
  };
}
