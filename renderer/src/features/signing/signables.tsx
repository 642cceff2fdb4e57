import type { ReactNode } from 'react';
import { AGREEMENT_SIGNERS, type AgreementContent } from '../../../../shared/schemas/agreement';
import { FIRST_SESSION_SIGNERS, type FirstSessionContent } from '../../../../shared/schemas/firstSession';
import { ILP_SIGNERS, type IlpContent } from '../../../../shared/schemas/ilp';
import type { Signature, SignedRecord, SignerRole } from '../../../../shared/schemas/signature';
import { call } from '../../app/client';
import type { SignableRef } from '../../app/navigation';
import { AgreementText } from '../agreements/AgreementDocument';
import { FirstSessionDocument } from '../firstSession/FirstSessionDocument';
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
    // SIGNABLE-SESSION (replaced by the sessions feature)
    case 'session':
      throw new Error('Sessions cannot be signed yet.');
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
    // SIGN-SESSION (replaced by the sessions feature)
    case 'session':
      throw new Error('This document cannot be signed yet.');
  }
  return loadSignable(studentId, ref);
}
