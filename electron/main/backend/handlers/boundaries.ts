import type { Handlers } from '../dispatch';
import { readSettings } from '../records/settings';
import type { BackendContext } from './context';

type BoundaryHandlers = Pick<Handlers, 'boundaries:get' | 'boundaries:saveChecklist' | 'boundaries:save' | 'boundaries:exportPdf'>;

export function boundaryHandlers(ctx: BackendContext): BoundaryHandlers {
  return {
    'boundaries:get': ({ studentId }) => ctx.boundaries().get(studentId),
    'boundaries:saveChecklist': async ({ studentId, confirmed }) => ctx.boundaries().saveChecklist(studentId, confirmed, await readSettings(ctx.session())),
    'boundaries:save': ({ studentId, entry }) => ctx.boundaries().save(studentId, entry),
    'boundaries:exportPdf': async ({ studentId, includeConfidential }) => {
      const { settings, header } = await ctx.provider();
      return ctx.boundaries().exportPdf(studentId, { includeConfidential }, header, settings, ctx.exportDir);
    },
  };
}
