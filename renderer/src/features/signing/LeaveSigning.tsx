import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { describeError, isApiError } from '../../app/feedback';
import { useCountdown } from '../../app/useCountdown';
import { RATE_LIMITED_MESSAGE } from '../vault/lockReason';
import { RetryCountdown } from '../../components/RetryCountdown';

/**
 * The way out of signing mode: the mentor's passphrase, so a student handed the computer to sign
 * cannot go on to browse other records.
 */
export function LeaveSigning({ onConfirmed, onCancel }: { onConfirmed(): void; onCancel(): void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const waitSeconds = useCountdown(retryAt);
  const input = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    if (!passphrase) {
      setError('Type your passphrase to leave signing mode.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('vault:confirmPassphrase', { passphrase });
      setPassphrase('');
      onConfirmed();
    } catch (err) {
      setPassphrase('');
      setBusy(false);
      if (isApiError(err) && err.retryAt !== undefined) setRetryAt(err.retryAt);
      if (isApiError(err, 'RATE_LIMITED')) setError(RATE_LIMITED_MESSAGE);
      // WRONG_PASSPHRASE's own message already says signing mode stays on.
      else setError(describeError(err));
      input.current?.focus();
    }
  };

  return (
    <Paper withBorder p="xl" radius="md" maw={480} mx="auto" mt="xl">
      <form onSubmit={(event) => void submit(event)} noValidate aria-label="Leave signing mode">
        <Stack>
          <Title order={2} size="h3">
            Leave signing mode
          </Title>
          <Text size="sm">For the mentor: type your passphrase to go back to your records.</Text>
          <PasswordInput
            label="Mentor’s passphrase"
            value={passphrase}
            onChange={(event) => setPassphrase(event.currentTarget.value)}
            autoComplete="current-password"
            autoFocus
            ref={input}
            onKeyDown={(event) => {
              // Escape here goes back to the document rather than out of signing mode.
              if (event.key === 'Escape') {
                event.preventDefault();
                onCancel();
              }
            }}
          />
          {error && (
            <Alert color="red" title="Still in signing mode" role="alert">
              {error}
            </Alert>
          )}
          <RetryCountdown seconds={waitSeconds} />
          <Group justify="space-between">
            <Button variant="default" onClick={onCancel} disabled={busy}>
              Back to the document
            </Button>
            <Button type="submit" loading={busy} disabled={waitSeconds > 0}>
              Leave signing mode
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
