import { Alert, Anchor, Button, Divider, PasswordInput, Stack, Text } from '@mantine/core';
import { IconClock, IconKey } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { describeError, isApiError } from '../../app/feedback';
import { useSession } from '../../app/session';
import { useCountdown } from '../../app/useCountdown';
import { ScreenCard } from '../../components/ScreenCard';
import { describeLockReason, RATE_LIMITED_MESSAGE } from './lockReason';
import { RecoverForm } from './RecoverForm';
import { RetryCountdown } from '../../components/RetryCountdown';

export function Unlock() {
  const { status, applyStatus } = useSession();
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; rateLimited: boolean } | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(status.retryAt);
  const waitSeconds = useCountdown(retryAt);
  const lockReason = describeLockReason(status);
  const passphraseInput = useRef<HTMLInputElement>(null);

  // Once the wait is over, the "too many attempts" message is no longer true.
  useEffect(() => {
    if (waitSeconds === 0) setError((current) => (current?.rateLimited ? null : current));
  }, [waitSeconds]);

  const handleFailure = (err: unknown) => {
    if (isApiError(err) && err.retryAt !== undefined) setRetryAt(err.retryAt);
    const rateLimited = isApiError(err, 'RATE_LIMITED');
    setError({ message: rateLimited ? RATE_LIMITED_MESSAGE : describeError(err), rateLimited });
    passphraseInput.current?.focus();
  };

  const unlock = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('vault:unlock', { passphrase });
      setPassphrase('');
      applyStatus(next);
    } catch (err) {
      setPassphrase('');
      handleFailure(err);
    } finally {
      setBusy(false);
    }
  };

  const quickUnlock = async () => {
    setBusy(true);
    setError(null);
    try {
      applyStatus(await call('vault:quickUnlock', {}));
    } catch (err) {
      handleFailure(err);
    } finally {
      setBusy(false);
    }
  };

  if (mode === 'recovery') {
    return (
      <ScreenCard title="Reset your passphrase">
        <RecoverForm onCancel={() => setMode('passphrase')} />
      </ScreenCard>
    );
  }

  return (
    <ScreenCard title="Unlock Mentor Desk">
      <Stack>
        {lockReason && (
          <Alert color="blue" icon={<IconClock size={18} />} role="status">
            {lockReason}
          </Alert>
        )}
        <form onSubmit={unlock} noValidate>
          <Stack>
            <PasswordInput
              label="Passphrase"
              value={passphrase}
              onChange={(event) => setPassphrase(event.currentTarget.value)}
              autoComplete="current-password"
              autoFocus
              ref={passphraseInput}
            />
            {error && (
              <Alert color="red" title="Not unlocked">
                {error.message}
              </Alert>
            )}
            <RetryCountdown seconds={waitSeconds} />
            <Button type="submit" loading={busy} disabled={waitSeconds > 0}>
              Unlock
            </Button>
          </Stack>
        </form>
        {status.quickUnlock.enabled && (
          <Button variant="light" leftSection={<IconKey size={16} />} onClick={() => void quickUnlock()} disabled={busy || waitSeconds > 0}>
            Unlock with system keychain
          </Button>
        )}
        <Divider />
        <Text size="sm" c="dimmed">
          Forgotten your passphrase?{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => setMode('recovery')}>
            Use recovery key instead
          </Anchor>
        </Text>
      </Stack>
    </ScreenCard>
  );
}
