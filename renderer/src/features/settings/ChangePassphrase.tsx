import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { NewPassphraseFields, useNewPassphrase } from '../../components/NewPassphraseFields';

export function ChangePassphrase() {
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (event: FormEvent) => {
    event.preventDefault();
    if (!next.ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('vault:changePassphrase', { current, next: next.passphrase });
      setCurrent('');
      next.reset();
      notifyDone('Passphrase changed', 'Use the new passphrase from now on. Your recovery key still works.');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={change} noValidate>
      <Stack gap="sm" maw={480}>
        <PasswordInput
          label="Current passphrase"
          value={current}
          onChange={(event) => setCurrent(event.currentTarget.value)}
          autoComplete="current-password"
        />
        <NewPassphraseFields state={next} label="New passphrase" confirmLabel="Confirm new passphrase" />
        {error && (
          <Alert color="red" title="Passphrase not changed">
            {error}
          </Alert>
        )}
        <Group>
          <Button type="submit" disabled={!next.ready || current === ''} loading={busy}>
            Change passphrase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
