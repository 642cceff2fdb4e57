import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { describeError, isApiError, notifyDone } from '../../app/feedback';
import { useSession } from '../../app/session';
import { useCountdown } from '../../app/useCountdown';
import { NewPassphraseFields, useNewPassphrase } from '../../components/NewPassphraseFields';
import { RATE_LIMITED_MESSAGE } from './lockReason';
import { RetryCountdown } from '../../components/RetryCountdown';

/** Opens the vault with the recovery key and sets a new passphrase in one step. */
export function RecoverForm({ onCancel }: { onCancel(): void }) {
  const { applyStatus } = useSession();
  const [recoveryKey, setRecoveryKey] = useState('');
  const newPassphrase = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);

  const reset = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !newPassphrase.ready || waitSeconds > 0) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('vault:recover', { recoveryKey, newPassphrase: newPassphrase.passphrase });
      setRecoveryKey('');
      newPassphrase.reset();
      notifyDone('Passphrase reset', 'Use your new passphrase from now on. Your recovery key still works.');
      applyStatus(next);
    } catch (err) {
      if (isApiError(err) && err.retryAt !== undefined) setRetryAt(err.retryAt);
      setError(isApiError(err, 'RATE_LIMITED') ? RATE_LIMITED_MESSAGE : describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={reset} noValidate>
      <Stack>
        <Text size="sm">
          Type the recovery key you kept when you set up Mentor Desk (spaces and dashes do not matter), then choose a new
          passphrase. Your old passphrase will stop working.
        </Text>
        <TextInput
          label="Recovery key"
          value={recoveryKey}
          onChange={(event) => setRecoveryKey(event.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <NewPassphraseFields state={newPassphrase} label="New passphrase" confirmLabel="Confirm new passphrase" />
        {error && (
          <Alert color="red" title="Passphrase not reset">
            {error}
          </Alert>
        )}
        <RetryCountdown seconds={waitSeconds} />
        <Group justify="space-between">
          <Button variant="subtle" onClick={onCancel}>
            Back to passphrase
          </Button>
          <Button type="submit" loading={busy} disabled={!newPassphrase.ready || recoveryKey.trim() === '' || waitSeconds > 0}>
            Reset passphrase
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
