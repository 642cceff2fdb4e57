import type { Handlers } from '../dispatch';
import { readSettings } from '../records/settings';
import type { BackendContext } from './context';

type AgreementHandlers = Pick<
  Handlers,
  | 'agreements:list' | 'agreements:get' | 'agreements:create' | 'agreements:edit' | 'agreements:sign' | 'agreements:exportPdf'
  | 'firstSession:get' | 'firstSession:start' | 'firstSession:save' | 'firstSession:sign' | 'firstSession:exportPdf'
>;

/** The signed first-session paperwork: service agreements and the first session record. */
export function agreementHandlers(ctx: BackendContext): AgreementHandlers {
  return {
    'agreements:list': ({ studentId }) => ctx.agreements().list(studentId),
    'agreements:get': ({ studentId, agreementId }) => ctx.agreements().get(studentId, agreementId),
    'agreements:create': async ({ studentId, academicYear }) => ctx.agreements().create(studentId, await readSettings(ctx.session()), academicYear),
    'agreements:edit': ({ studentId, agreementId, text }) => ctx.agreements().edit(studentId, agreementId, text),
    'agreements:sign': ({ studentId, agreementId, signature }) => ctx.agreements().sign(studentId, agreementId, signature),
    'agreements:exportPdf': async ({ studentId, agreementId }) => ctx.agreements().exportPdf(studentId, agreementId, (await ctx.provider()).header, ctx.exportDir),

    'firstSession:get': ({ studentId }) => ctx.firstSessions().get(studentId),
    'firstSession:start': async ({ studentId }) => ctx.firstSessions().start(studentId, await readSettings(ctx.session())),
    'firstSession:save': ({ studentId, draft }) => ctx.firstSessions().save(studentId, draft),
    'firstSession:sign': ({ studentId, signature }) => ctx.firstSessions().sign(studentId, signature),
    'firstSession:exportPdf': async ({ studentId }) => ctx.firstSessions().exportPdf(studentId, (await ctx.provider()).header, ctx.exportDir),
  };
}
