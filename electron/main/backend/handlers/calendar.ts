import type { Handlers } from '../dispatch';
import { readSettings } from '../records/settings';
import type { BackendContext } from './context';

type CalendarHandlers = Pick<Handlers, 'calendar:events' | 'calendar:comingUp' | 'calendar:markDone' | 'calendar:exportIcs'>;

export function calendarHandlers(ctx: BackendContext): CalendarHandlers {
  return {
    'calendar:events': async ({ from, to }) => ctx.calendar().events(from, to, await readSettings(ctx.session())),
    'calendar:comingUp': async () => ctx.calendar().comingUp(await readSettings(ctx.session())),
    'calendar:markDone': async ({ eventId, done }) => {
      await ctx.calendar().markDone(eventId, done);
      return null;
    },
    'calendar:exportIcs': async (request) => ctx.calendar().exportIcs(request, await readSettings(ctx.session()), ctx.exportDir),
  };
}
