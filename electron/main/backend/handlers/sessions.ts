import type { Handlers } from '../dispatch';
import { readSettings } from '../records/settings';
import type { BackendContext } from './context';

type SessionHandlers = Pick<
  Handlers,
  | 'ilp:get' | 'ilp:start' | 'ilp:save' | 'ilp:sign' | 'ilp:exportPdf'
  | 'sessions:list' | 'sessions:get' | 'sessions:book' | 'sessions:record' | 'sessions:sign' | 'sessions:cancel' | 'sessions:exportPdf' | 'sessions:exportMonth'
  | 'hours:summary' | 'students:defer' | 'students:close' | 'students:completionPack'
>;

/** Sessions (timesheet and progress log), the ILP, support hours, deferrals and closing a student. */
export function sessionHandlers(ctx: BackendContext): SessionHandlers {
  const settings = () => readSettings(ctx.session());
  return {
    'ilp:get': ({ studentId }) => ctx.ilp().get(studentId),
    'ilp:start': async ({ studentId }) => ctx.ilp().start(studentId, await settings()),
    'ilp:save': ({ studentId, draft }) => ctx.ilp().save(studentId, draft),
    'ilp:sign': ({ studentId, signature }) => ctx.ilp().sign(studentId, signature),
    'ilp:exportPdf': async ({ studentId }) => ctx.ilp().exportPdf(studentId, (await ctx.provider()).header, ctx.exportDir),

    'sessions:list': async ({ studentId }) => ctx.sessions().list(studentId, await settings()),
    'sessions:get': ({ studentId, sessionId }) => ctx.sessions().get(studentId, sessionId),
    'sessions:book': async ({ studentId, booking }) => ctx.sessions().book(studentId, booking, await settings()),
    'sessions:record': async ({ studentId, sessionId, draft }) => ctx.sessions().record(studentId, sessionId, draft, await settings()),
    'sessions:sign': ({ studentId, sessionId, signature }) => ctx.sessions().sign(studentId, sessionId, signature),
    'sessions:cancel': async ({ studentId, sessionId, ...input }) => ctx.sessions().cancel(studentId, sessionId, input, await settings()),
    'sessions:exportPdf': async ({ studentId, sessionId }) => ctx.sessions().exportPdf(studentId, sessionId, (await ctx.provider()).header, ctx.exportDir),
    'sessions:exportMonth': async ({ studentId, month }) => {
      const { settings: s, header } = await ctx.provider();
      return ctx.sessions().exportMonth(studentId, month, header, s, ctx.exportDir);
    },

    'hours:summary': async ({ studentId }) => ctx.hours().summary(studentId, (await settings()).hoursPolicy),
    'students:defer': ({ studentId, deferral }) => ctx.hours().defer(studentId, deferral),
    'students:close': ({ studentId, closure }) => ctx.hours().close(studentId, closure),
    'students:completionPack': async ({ studentId }) => {
      const { settings: s, header } = await ctx.provider();
      return ctx.completionPacks().exportPdf(studentId, header, s, ctx.exportDir);
    },
  };
}
