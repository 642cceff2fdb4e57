import type { ReactNode } from 'react';
import { AGREEMENT_SIGNERS, type AgreementContent } from '../../../../shared/schemas/agreement';
import { FIRST_SESSION_SIGNERS, type FirstSessionContent } from '../../../../shared/schemas/firstSession';
import { ILP_SIGNERS, type IlpContent } from '../../../../shared/schemas/ilp';
import { SESSION_SIGNERS, type SessionRecordContent } from '../../../../shared/schemas/session';
import type { Signature, SignedRecord, SignerRole } from '../../../../shared/schemas/signature';
import { ukDayAndDate } from '../../../../shared/domain/sessionRules';
import { call } from '../../app/client';
import type { SignableRef } from '../../app/navigation';
import { AgreementText } from '../agreements/AgreementDocument';
import { FirstSessionDocument } from '../firstSession/FirstSessionDocument';
import { SessionDocument } from '../sessions/SessionDocument';
import { loadGoals } from '../sessions/SessionsPanel';
import { IlpDocument } from '../ilp/IlpDocument';

/**
 * Every kind of document signing mode can show, behind one shape: its title, its signed record,
 * who must sign it, and how its content reads on screen. Signing mode itself knows none of them.
 */
export interface SignableDocument {
  title: string;
  /** What the student is agreeing to, shown above the pad. */
  statement: string;
  record: SignedRecord<unknown>;
  signers: readonly SignerRole[];
  body(content: unknown): ReactNode;
}

export async function loadSignable(studentId: string, ref: SignableRef): Promise<SignableDocument> {
  switch (ref.kind) {
    case 'agreement': {
      const agreement = await call('agreements:get', { studentId, agreementId: ref.agreementId });
      return {
        title: `Service agreement ${agreement.academicYear}`,
        statement: 'By signing you agree to the text above.',
        record: agreement.record,
        signers: AGREEMENT_SIGNERS,
        body: (content) => <AgreementText content={content as AgreementContent} />,
      };
    }
    case 'firstSession': {
      const record = await call('firstSession:get', { studentId });
      if (!record) throw new Error('This student has no first session record.');
      return {
        title: 'First session record',
        statement: 'By signing you confirm that the items ticked above were gone through in this session.',
        record: record.record,
        signers: FIRST_SESSION_SIGNERS,
        body: (content) => <FirstSessionDocument content={content as FirstSessionContent} />,
      };
    }
    case 'ilp': {
      const plan = await call('ilp:get', { studentId });
      if (!plan) throw new Error('This student has no learning plan yet.');
      return {
        title: 'Individual Learning Plan',
        statement: 'By signing you agree to the plan above: its goals, the strategies for each, and the reviews recorded.',
        record: plan.record,
        signers: ILP_SIGNERS,
        body: (content) => <IlpDocument content={content as IlpContent} />,
      };
    }
    case 'session': {
      const [session, goals] = await Promise.all([call('sessions:get', { studentId, sessionId: ref.sessionId }), loadGoals(studentId)]);
      if (!session.record) throw new Error('This session has not been recorded yet: record it before anyone signs.');
      return {
        title: `Session on ${ukDayAndDate(session.booking.date)}`,
        statement: 'By signing you confirm that the times, what was discussed, the actions agreed and the feedback above are a true record of this session.',
        record: session.record,
        signers: SESSION_SIGNERS,
        body: (content) => <SessionDocument content={content as SessionRecordContent} goals={goals} />,
      };
    }
  }
}

/** Signs the document and returns it as it now stands. */
export async function signSignable(studentId: string, ref: SignableRef, signature: Signature): Promise<SignableDocument> {
  switch (ref.kind) {
    case 'agreement':
      await call('agreements:sign', { studentId, agreementId: ref.agreementId, signature });
      break;
    case 'firstSession':
      await call('firstSession:sign', { studentId, signature });
      break;
    case 'ilp':
      await call('ilp:sign', { studentId, signature });
      break;
    case 'session':
      await call('sessions:sign', { studentId, sessionId: ref.sessionId, signature });
      break;
  }
  return loadSignable(studentId, ref);
}
