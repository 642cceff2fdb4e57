import type { Handlers } from '../dispatch';
import { readSettings } from '../records/settings';
import type { BackendContext } from './context';

type AgreementHandlers = Pick<Handlers, 'agreements:list' | 'agreements:get' | 'agreements:create' | 'agreements:edit' | 'agreements:sign' | 'agreements:exportPdf'>;

export function agreementHandlers(ctx: BackendContext): AgreementHandlers {
  return {
    'agreements:list': ({ studentId }) => ctx.agreements().list(studentId),
    'agreements:get': ({ studentId, agreementId }) => ctx.agreements().get(studentId, agreementId),
    'agreements:create': async ({ studentId, academicYear }) => ctx.agreements().create(studentId, await readSettings(ctx.session()), academicYear),
    'agreements:edit': ({ studentId, agreementId, text }) => ctx.agreements().edit(studentId, agreementId, text),
    'agreements:sign': ({ studentId, agreementId, signature }) => ctx.agreements().sign(studentId, agreementId, signature),
    'agreements:exportPdf': async ({ studentId, agreementId }) =>
      ctx.agreements().exportPdf(studentId, agreementId, await readSettings(ctx.session()), ctx.exportDir),
  };
}
