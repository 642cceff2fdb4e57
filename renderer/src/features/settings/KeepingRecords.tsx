import { Alert, Button, Group, Loader, NumberInput } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../app/client';
import { isApiError, notifyError, notifySaved } from '../../app/feedback';
import { useNavigate } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { saveSettingsPart } from './saveSettings';

/** How long records are kept after the last contact, and the way to the students past it. */
export function KeepingRecords() {
  const navigate = useNavigate();
  const settings = useLoad(() => call('settings:get', {}));
  const [years, setYears] = useState<number | string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (settings.error) {
    return (
      <Alert color="red" title="Could not load this setting">
        {settings.error}
      </Alert>
    );
  }
  if (!settings.data) return <Loader size="sm" aria-label="Loading" />;
  const value = years ?? settings.data.retentionYears;

  const save = async () => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return setError('Enter a whole number of years, like 6.');
    setBusy(true);
    setError(null);
    try {
      const saved = await saveSettingsPart({ retentionYears: value });
      setYears(saved.retentionYears);
      notifySaved(`Records are now kept for ${saved.retentionYears} years after the last contact.`);
      await settings.reload();
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length) setError(err.issues.map((i) => i.message).join(' '));
      else notifyError('Not saved', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
      <Group align="flex-end">
        <NumberInput
          label="Keep records for (years after last contact)"
          description="Six years is usual. After that, students appear in “Due for deletion”."
          min={1}
          max={30}
          allowDecimal={false}
          value={value}
          onChange={(v) => { setYears(v); setError(null); }}
          error={error}
          w={360}
        />
        <Button type="submit" loading={busy}>
          Save
        </Button>
        <Button variant="default" onClick={() => navigate({ page: 'retention' })}>
          See who is due for deletion
        </Button>
      </Group>
    </form>
  );
}
