import { useState } from 'react';
import type { z } from 'zod';
import type { Settings } from '../../../../shared/schemas/settings';
import { call } from '../../app/client';
import { isApiError, notifyError, notifySaved } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { saveSettingsPart } from './saveSettings';

/**
 * One Settings section that edits a field on screen and saves it when asked: the saved value until
 * something changes, then the draft; checked with the field's own schema before it is sent.
 */
export function useSettingsDraft<K extends keyof Settings>(field: K, schema: z.ZodType<Settings[K]>, savedMessage: string) {
  const settings = useLoad(() => call('settings:get', {}));
  const [draft, setDraft] = useState<Settings[K] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const value = draft ?? settings.data?.[field] ?? null;

  const update = (next: Settings[K]) => {
    setDraft(next);
    setError(null);
  };
  const discard = () => {
    setDraft(null);
    setError(null);
  };
  const save = async () => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check what you entered');
    setBusy(true);
    try {
      await saveSettingsPart({ [field]: parsed.data } as Partial<Settings>);
      setDraft(null);
      await settings.reload();
      notifySaved(savedMessage);
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT')) setError(err.message);
      else notifyError('Not saved', err);
    } finally {
      setBusy(false);
    }
  };
  return { settings, value, dirty: draft !== null, error, busy, update, discard, save };
}
