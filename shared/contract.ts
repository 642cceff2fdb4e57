import { z } from 'zod';
import { Empty, Id, IsoDate, Timestamp, text } from './schemas/common';
import { BackupInfo, LockReason, Passphrase, RecoveryKeyInput, VaultStatus, VerifyReport } from './schemas/vault';
import { LOGO_MAX_BYTES, LogoMime, Settings } from './schemas/settings';
import { FirstSessionDraft, FirstSessionRecord } from './schemas/firstSession';
import { BoundaryEntry, BoundaryRecords } from './schemas/boundaries';
import { CalendarEvent, ComingUpItem } from './schemas/calendar';
import { ConsentMethod, Student, StudentDraft, StudentStatus, StudentSummary } from './schemas/student';
import { ContactAttemptInput, FirstSessionBooking, Referral } from './schemas/referral';
import { AgreementSummary, ServiceAgreement } from './schemas/agreement';
import { Signature } from './schemas/signature';
import { CaseloadPage, CaseloadQuery, HomeOverview, ImportPreview, ImportRequest, ImportResult, RetentionItem } from './schemas/caseload';
import { AuditCheck, AuditEntry } from './schemas/audit';
import { IlpDraft, LearningPlan } from './schemas/ilp';
import { Booking, BookingWarning, CancellationKind, CancelledBy, FreeSlot, Session, SessionRecordDraft, SessionSummary } from './schemas/session';
import { ClosureInput, DeferralInput, HoursSummary } from './schemas/hoursPolicy';
import { AcademicYearLabel, SentHow, SurveyEntry, SurveyId, SurveyImportPreview, SurveyImportRequest, SurveyImportResult, SurveyOverview, SurveyResults, SurveyStatus } from './schemas/survey';

/** Where an export was written. */
const ExportedFile = z.strictObject({ path: z.string(), fileName: z.string() });

/** An image crossing IPC as base64 (a 512 KB file is about 700,000 characters). */
const LogoFile = z.strictObject({
  mime: LogoMime,
  base64: z.string().max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 4, 'A logo can be at most 512 KB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64'),
});

/**
 * Every IPC channel, with the schema its request must pass (in main, before any handler runs)
 * and the schema its response must pass (in the renderer). Main, preload, renderer and tests all
 * derive their types from this object, so a channel cannot drift between sides.
 */
export const contract = {
  // The vault: passphrase, recovery key, locking, backups.
  'vault:status': { req: Empty, res: VaultStatus },
  'vault:create': { req: z.strictObject({ passphrase: Passphrase }), res: z.strictObject({ recoveryKey: z.string() }) },
  'vault:unlock': { req: z.strictObject({ passphrase: Passphrase }), res: VaultStatus },
  'vault:recover': { req: z.strictObject({ recoveryKey: RecoveryKeyInput, newPassphrase: Passphrase }), res: VaultStatus },
  'vault:quickUnlock': { req: Empty, res: VaultStatus },
  'vault:setQuickUnlock': { req: z.strictObject({ enabled: z.boolean() }), res: VaultStatus },
  'vault:lock': { req: Empty, res: VaultStatus },
  'vault:touch': { req: Empty, res: z.null() },
  'vault:changePassphrase': { req: z.strictObject({ current: Passphrase, next: Passphrase }), res: z.null() },
  'vault:newRecoveryKey': { req: z.strictObject({ passphrase: Passphrase }), res: z.strictObject({ recoveryKey: z.string() }) },
  'vault:listBackups': { req: Empty, res: z.array(BackupInfo) },
  'vault:restoreBackup': { req: z.strictObject({ id: BackupInfo.shape.id }), res: VaultStatus },
  'vault:verify': { req: Empty, res: VerifyReport },
  /** Checks the passphrase without changing anything: leaving signing mode asks for it. Throttled like unlock. */
  'vault:confirmPassphrase': { req: z.strictObject({ passphrase: Passphrase }), res: z.null() },

  'settings:get': { req: Empty, res: Settings },
  'settings:save': { req: Settings, res: Settings },
  /** The provider's logo for PDF headers (PNG or JPEG, up to 512 KB); null removes it. */
  'settings:setLogo': { req: z.strictObject({ logo: LogoFile.nullable() }), res: Settings },
  'settings:getLogo': { req: Empty, res: LogoFile.nullable() },

  'audit:list': {
    req: z.strictObject({ limit: z.number().int().min(1).max(500).default(100), recordId: z.string().max(64).optional() }),
    res: z.strictObject({ entries: z.array(AuditEntry), total: z.number().int().nonnegative() }),
  },
  'audit:verify': { req: Empty, res: AuditCheck },

  'students:list': { req: Empty, res: z.array(StudentSummary) },
  'students:get': { req: z.strictObject({ id: Id }), res: Student },
  'students:create': { req: StudentDraft, res: Student },
  'students:update': { req: z.strictObject({ id: Id, draft: StudentDraft }), res: Student },
  'students:delete': { req: z.strictObject({ id: Id, confirmName: z.string().max(160) }), res: z.null() },
  'students:search': { req: CaseloadQuery, res: CaseloadPage },
  'students:setStatus': {
    req: z.strictObject({ id: Id, status: StudentStatus, on: IsoDate, note: text(500).default('') }),
    res: Student,
  },
  'students:recordConsent': {
    req: z.strictObject({ id: Id, givenOn: IsoDate, scope: z.string().trim().min(1, 'Say what the student consented to').max(1000), method: ConsentMethod }),
    res: Student,
  },
  /** Withdrawal also clears the support needs held under that consent. */
  'students:withdrawConsent': { req: z.strictObject({ id: Id, on: IsoDate }), res: Student },
  'students:retentionDue': { req: Empty, res: z.array(RetentionItem) },
  'students:importPreview': { req: ImportRequest, res: ImportPreview },
  /** Imports every good row in one save (all or nothing); bad rows are listed with reasons. */
  'students:import': { req: ImportRequest, res: ImportResult },

  'home:overview': { req: Empty, res: HomeOverview },

  /** A new referral: creates the student in status "referred" with the referral attached. */
  'referrals:create': {
    req: z.strictObject({ student: StudentDraft, receivedAt: Timestamp, source: text(200).default(''), pastedText: text(50_000).default('') }),
    res: Student,
  },
  'referrals:get': { req: z.strictObject({ studentId: Id }), res: Referral.nullable() },
  'referrals:logContact': { req: z.strictObject({ studentId: Id, contact: ContactAttemptInput }), res: Referral },
  'referrals:bookFirstSession': { req: z.strictObject({ studentId: Id, booking: FirstSessionBooking }), res: Referral },

  /** Service agreements, one per academic year, filled from the provider's template and signed by both. */
  'agreements:list': { req: z.strictObject({ studentId: Id }), res: z.array(AgreementSummary) },
  'agreements:get': { req: z.strictObject({ studentId: Id, agreementId: Id }), res: ServiceAgreement },
  /** A new agreement for the academic year the backend's clock is in (or the one given). */
  'agreements:create': { req: z.strictObject({ studentId: Id, academicYear: z.string().regex(/^\d{4}\/\d{2}$/).optional() }), res: ServiceAgreement },
  /** Editing a signed agreement makes an amendment that must be signed again; the signed text stays on file. */
  'agreements:edit': { req: z.strictObject({ studentId: Id, agreementId: Id, text: z.string().max(20_000) }), res: ServiceAgreement },
  'agreements:sign': { req: z.strictObject({ studentId: Id, agreementId: Id, signature: Signature }), res: ServiceAgreement },
  /** Writes the PDF of the agreement's current version into the exports folder and says where. */
  'agreements:exportPdf': { req: z.strictObject({ studentId: Id, agreementId: Id }), res: ExportedFile },

  /** The first session's guided checklist: one per student, each tick timed by the backend, signed by both. */
  'firstSession:get': { req: z.strictObject({ studentId: Id }), res: FirstSessionRecord.nullable() },
  'firstSession:start': { req: z.strictObject({ studentId: Id }), res: FirstSessionRecord },
  'firstSession:save': { req: z.strictObject({ studentId: Id, draft: FirstSessionDraft }), res: FirstSessionRecord },
  'firstSession:sign': { req: z.strictObject({ studentId: Id, signature: Signature }), res: FirstSessionRecord },
  'firstSession:exportPdf': { req: z.strictObject({ studentId: Id }), res: ExportedFile },

  /** Boundaries checklist, boundary log, confidentiality exceptions and conflicts of interest. */
  'boundaries:get': { req: z.strictObject({ studentId: Id }), res: BoundaryRecords },
  'boundaries:saveChecklist': { req: z.strictObject({ studentId: Id, confirmed: z.array(z.boolean()).max(60) }), res: BoundaryRecords },
  'boundaries:save': { req: z.strictObject({ studentId: Id, entry: BoundaryEntry }), res: BoundaryRecords },
  /** Confidentiality exceptions are left out unless `includeConfidential` is true. */
  'boundaries:exportPdf': { req: z.strictObject({ studentId: Id, includeConfidential: z.boolean() }), res: ExportedFile },

  // ── Sessions (timesheet and progress log), the Individual Learning Plan, support hours, deferrals and closing ──
  /** The student's ILP (null until started). One per student; reviews and changes after signing are amendments. */
  'ilp:get': { req: z.strictObject({ studentId: Id }), res: LearningPlan.nullable() },
  'ilp:start': { req: z.strictObject({ studentId: Id }), res: LearningPlan },
  /** Unsigned: edited in place. Signed: the edit (a review, a new goal) becomes an amendment to sign. */
  'ilp:save': { req: z.strictObject({ studentId: Id, draft: IlpDraft }), res: LearningPlan },
  'ilp:sign': { req: z.strictObject({ studentId: Id, signature: Signature }), res: LearningPlan },
  'ilp:exportPdf': { req: z.strictObject({ studentId: Id }), res: ExportedFile },
  /** Every session, oldest first, and where the student's hours stand. */
  'sessions:list': { req: z.strictObject({ studentId: Id }), res: z.strictObject({ sessions: z.array(SessionSummary), hours: HoursSummary }) },
  'sessions:get': { req: z.strictObject({ studentId: Id, sessionId: Id }), res: Session },
  /** Short notice or a time in the past is pointed out in `warnings`, never refused. */
  'sessions:book': { req: z.strictObject({ studentId: Id, booking: Booking }), res: z.strictObject({ session: Session, warnings: z.array(BookingWarning) }) },
  /** The timesheet and progress log, checked by validateSessionRecord; after a signature an edit is an amendment. */
  'sessions:record': { req: z.strictObject({ studentId: Id, sessionId: Id, draft: SessionRecordDraft }), res: Session },
  /** The student cannot sign before the recorded end time. */
  'sessions:sign': { req: z.strictObject({ studentId: Id, sessionId: Id, signature: Signature }), res: Session },
  /** Late or with notice is decided by the backend clock; "did not attend" is the mentor's call. */
  'sessions:cancel': {
    req: z.strictObject({ studentId: Id, sessionId: Id, cancelledBy: CancelledBy, didNotAttend: z.boolean(), reason: text(1000) }),
    res: z.strictObject({ session: Session, kind: CancellationKind, countsAgainstHours: z.boolean(), message: z.string(), freeSlots: z.array(FreeSlot) }),
  },
  'sessions:exportPdf': { req: z.strictObject({ studentId: Id, sessionId: Id }), res: ExportedFile },
  /** The monthly timesheet: every session of the month held or counted, with both signatures. */
  'sessions:exportMonth': { req: z.strictObject({ studentId: Id, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter a month like 2026-11') }), res: ExportedFile },
  /** Hours allocated (after deferrals), used, booked and remaining, with warnings, as of the backend's today. */
  'hours:summary': { req: z.strictObject({ studentId: Id }), res: HoursSummary },
  /** Support paused: status "deferred", with the new deadline and any extra hours the office gave. */
  'students:defer': { req: z.strictObject({ studentId: Id, deferral: DeferralInput }), res: Student },
  /** Closing: needs the final review date; status "completed". Warnings list sessions left open. */
  'students:close': { req: z.strictObject({ studentId: Id, closure: ClosureInput }), res: z.strictObject({ student: Student, warnings: z.array(z.string()) }) },
  /** One PDF: service agreements, first session record, every ILP version and every progress log. Never confidentiality exceptions. */
  'students:completionPack': { req: z.strictObject({ studentId: Id }), res: ExportedFile },

  /** The calendar: provider deadlines, bank holidays and what students' records say is due. */
  'calendar:events': { req: z.strictObject({ from: IsoDate, to: IsoDate }), res: z.array(CalendarEvent) },
  /** Overdue first, then the next two weeks, for the home screen. */
  'calendar:comingUp': { req: Empty, res: z.strictObject({ today: IsoDate, items: z.array(ComingUpItem) }) },
  'calendar:markDone': { req: z.strictObject({ eventId: z.string().max(200), done: z.boolean() }), res: z.null() },
  /** An .ics of the deadlines for the mentor's own calendar app; student entries only if asked, by initials. */
  'calendar:exportIcs': { req: z.strictObject({ from: IsoDate, to: IsoDate, includeStudents: z.boolean() }), res: ExportedFile },

  // ── Surveys: Rate your Support and the end-of-year mentoring survey ──
  /** Who is asked (active, deferred or completed students, and anyone with an entry), the window, reminders and the response rate. */
  'surveys:overview': { req: z.strictObject({ surveyId: SurveyId, academicYear: AcademicYearLabel.optional() }), res: SurveyOverview },
  /** Not sent, sent (when, how) or returned; marking one back from returned clears its answers. Dates default to today. */
  'surveys:mark': {
    req: z.strictObject({ studentId: Id, surveyId: SurveyId, academicYear: AcademicYearLabel, status: SurveyStatus, sentOn: IsoDate.optional(), sentHow: SentHow.optional(), returnedOn: IsoDate.optional() }),
    res: SurveyEntry,
  },
  /** Answers typed in by the mentor, checked against the questions (rating on its scale, text length); marks it returned. */
  'surveys:saveResponse': {
    req: z.strictObject({ studentId: Id, surveyId: SurveyId, academicYear: AcademicYearLabel, answers: z.record(z.string().max(40), z.union([z.number(), z.string().max(10_000)]).nullable()).refine((a) => Object.keys(a).length <= 60, 'At most 60 answers'), returnedOn: IsoDate.optional() }),
    res: SurveyEntry,
  },
  /** Response rate, each rating's distribution and mean, and the written answers (never names). */
  'surveys:results': { req: z.strictObject({ surveyId: SurveyId, academicYear: AcademicYearLabel }), res: SurveyResults },
  /** Reads the survey tool's CSV (or our own export) against the caseload without saving. */
  'surveys:importPreview': { req: SurveyImportRequest, res: SurveyImportPreview },
  /** Imports every good row in one save (all or nothing); bad rows are listed with reasons. */
  'surveys:import': { req: SurveyImportRequest, res: SurveyImportResult },
  /** One row per student asked per survey; columns in the README ("Survey export columns"). Anonymised: no names or student numbers. */
  'surveys:exportCsv': { req: z.strictObject({ academicYear: AcademicYearLabel, surveyIds: z.array(SurveyId).max(20).optional(), anonymise: z.boolean() }), res: ExportedFile },
  /** The report: response rates, a bar chart per rating, written answers; the CSV's rows attached as record.json. */
  'surveys:exportPdf': { req: z.strictObject({ academicYear: AcademicYearLabel, surveyIds: z.array(SurveyId).max(20).optional(), anonymise: z.boolean() }), res: ExportedFile },
} as const satisfies Record<string, { req: z.ZodType; res: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const channels = Object.keys(contract) as Channel[];
export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(contract, value);

/** What the caller sends (defaults not yet applied) and what the handler receives (parsed). */
export type RequestOf<C extends Channel> = z.input<Contract[C]['req']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['req']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['res']>;

/** Messages main pushes to the renderer. */
export const events = {
  'vault:locked': z.strictObject({ reason: LockReason }),
} as const satisfies Record<string, z.ZodType>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
export const isEventName = (value: unknown): value is EventName =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);

/** What the preload script (or the browser harness shim) puts on `window.mentorDesk`. */
export interface MentorDeskBridge {
  invoke(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
