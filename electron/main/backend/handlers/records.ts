import type { Handlers } from '../dispatch';
import { readLogo, readSettings, saveSettings, setLogo } from '../records/settings';
import type { BackendContext } from './context';

type RecordHandlers = Pick<Handlers, 'settings:get' | 'settings:save' | 'settings:setLogo' | 'settings:getLogo' | 'audit:list' | 'audit:verify' | 'students:list' | 'students:get' | 'students:create' | 'students:update' | 'students:delete'>;

export function recordHandlers(ctx: BackendContext): RecordHandlers {
  return {
    'settings:get': () => readSettings(ctx.session()),
    'settings:save': async (settings) => {
      const before = await readSettings(ctx.session());
      const saved = await saveSettings(ctx.session(), settings);
      // The caseload's hours figures are stored with each student: a new policy must reach them.
      if (JSON.stringify(before.hoursPolicy) !== JSON.stringify(saved.hoursPolicy)) await ctx.students().refreshSummaries();
      ctx.autoLockMinutes = saved.autoLockMinutes;
      return saved;
    },
    'settings:setLogo': ({ logo }) => setLogo(ctx.session(), logo ? { mime: logo.mime, bytes: new Uint8Array(Buffer.from(logo.base64, 'base64')) } : null),
    'settings:getLogo': async () => {
      const logo = await readLogo(ctx.session());
      return logo ? { mime: logo.mime, base64: Buffer.from(logo.bytes).toString('base64') } : null;
    },

    'audit:list': async ({ limit, recordId }) => {
      const { audit } = ctx.session();
      const students = ctx.students();
      const entries = (await audit.recent(limit, recordId)).map((e) => (e.kind === 'student' ? { ...e, changes: students.unsealChanges(e.recordId, e.changes) } : e));
      return { entries, total: audit.total };
    },
    'audit:verify': () => ctx.session().audit.check(),

    'students:list': () => ctx.students().list(),
    'students:get': ({ id }) => ctx.students().get(id),
    'students:create': (draft) => ctx.students().create(draft),
    'students:update': ({ id, draft }) => ctx.students().update(id, draft),
    'students:delete': async ({ id, confirmName }) => {
      await ctx.students().delete(id, confirmName);
      return null;
    },
  };
}
