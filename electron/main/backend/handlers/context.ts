import type { Clock } from '../clock';
import type { Vault, Session } from '../vault/vault';
import type { ProviderHeader } from '../documents';
import { StudentRecords } from '../records/students';
import { Agreements } from '../records/agreements';
import { FirstSessions } from '../records/firstSession';
import { Boundaries } from '../records/boundaries';
import { Surveys } from '../records/surveys';
import { LearningPlans } from '../records/ilp';
import { Sessions } from '../records/sessions';
import { SupportHours } from '../records/hours';
import { CompletionPacks } from '../records/completionPack';
import { Calendar } from '../records/calendar';
import { readLogo, readSettings } from '../records/settings';
import type { Settings } from '../../../../shared/schemas/settings';

/** The records of one unlocked session, made together so they share one StudentRecords. */
interface SessionRecords {
  session: Session;
  students: StudentRecords;
  agreements: Agreements;
  firstSessions: FirstSessions;
  boundaries: Boundaries;
  surveys: Surveys;
  ilp: LearningPlans;
  sessions: Sessions;
  hours: SupportHours;
  completionPacks: CompletionPacks;
  calendar: Calendar;
}

/** What every handler may use. Records objects live as long as one unlocked session. */
export interface BackendContext {
  vault: Vault;
  clock: Clock;
  session(): Session;
  students(): StudentRecords;
  agreements(): Agreements;
  firstSessions(): FirstSessions;
  boundaries(): Boundaries;
  surveys(): Surveys;
  ilp(): LearningPlans;
  sessions(): Sessions;
  hours(): SupportHours;
  completionPacks(): CompletionPacks;
  calendar(): Calendar;
  /** The settings and the header every PDF carries: the provider's name and logo. */
  provider(): Promise<{ settings: Settings; header: ProviderHeader }>;
  /** Where PDFs the user exports are written (the only plaintext files Mentor Desk makes). */
  exportDir: string;
  /** The auto-lock delay, remembered from settings while unlocked. */
  autoLockMinutes: number;
}

export function createContext(vault: Vault, clock: Clock, exportDir: string): BackendContext {
  let cached: SessionRecords | null = null;
  const forSession = (): SessionRecords => {
    const session = vault.requireSession();
    if (!cached || cached.session !== session) {
      const students = new StudentRecords(session, clock);
      const agreements = new Agreements(students, clock);
      const firstSessions = new FirstSessions(students, clock);
      const ilp = new LearningPlans(students, clock);
      const sessions = new Sessions(students, clock);
      cached = {
        session,
        students,
        agreements,
        firstSessions,
        boundaries: new Boundaries(students, clock),
        surveys: new Surveys(students, clock),
        ilp,
        sessions,
        hours: new SupportHours(students, clock),
        completionPacks: new CompletionPacks(students, clock, { agreements, firstSessions, ilp, sessions }),
        calendar: new Calendar(session, students, clock),
      };
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
    firstSessions: () => forSession().firstSessions,
    calendar: () => forSession().calendar,
    boundaries: () => forSession().boundaries,
    surveys: () => forSession().surveys,
    ilp: () => forSession().ilp,
    sessions: () => forSession().sessions,
    hours: () => forSession().hours,
    completionPacks: () => forSession().completionPacks,
    provider: async () => {
      const session = forSession().session;
      const settings = await readSettings(session);
      const logo = await readLogo(session, settings);
      return { settings, header: { name: settings.providerName || 'Mentoring provider', ...(logo ? { logo: logo.bytes } : {}) } };
    },
    exportDir,
  };
}
