import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { describeError } from '../../app/feedback';
import { useActivityTouch } from '../../app/useActivityTouch';
import { NewPassphraseFields, useNewPassphrase } from '../../components/NewPassphraseFields';
import { ScreenCard } from '../../components/ScreenCard';
import { RecoveryKeyDisplay } from './RecoveryKeyDisplay';

/** Creates the vault, then shows the recovery key once; `onDone` hands over to the unlocked app. */
export function FirstRun({ onDone }: { onDone(): void }) {
  const newPassphrase = useNewPassphrase();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);

  if (recoveryKey) {
    return (
      <RecoveryKeyStep
        recoveryKey={recoveryKey}
        onContinue={() => {
          setRecoveryKey(null);
          onDone();
        }}
      />
    );
  }

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!newPassphrase.ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const { recoveryKey: key } = await call('vault:create', { passphrase: newPassphrase.passphrase });
      newPassphrase.reset();
      setRecoveryKey(key);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ScreenCard title="Welcome to Mentor Desk" size="sm">
      <Stack>
        <Text>
          Mentor Desk keeps your students’ records encrypted on this computer. Nobody can read them without your
          passphrase: not the makers of Mentor Desk, not your provider, not someone who takes the laptop.
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>Choose a passphrase you can remember: a few unrelated words work well.</List.Item>
          <List.Item>Next you will get a recovery key. Keep it safe, away from this computer.</List.Item>
          <List.Item>
            If you lose both the passphrase and the recovery key, there is no way to get the records back. Nobody can reset
            it for you.
          </List.Item>
        </List>
        <form onSubmit={create} noValidate>
          <Stack>
            <NewPassphraseFields state={newPassphrase} autoFocus />
            {error && (
              <Alert color="red" title="The vault was not created">
                {error}
              </Alert>
            )}
            <Button type="submit" disabled={!newPassphrase.ready} loading={busy}>
              Create vault
            </Button>
          </Stack>
        </form>
      </Stack>
    </ScreenCard>
  );
}

/** The vault is already unlocked here, so reading and storing the key counts as activity for auto-lock. */
function RecoveryKeyStep({ recoveryKey, onContinue }: { recoveryKey: string; onContinue(): void }) {
  useActivityTouch();
  return (
    <ScreenCard title="Your recovery key" size="sm">
      <RecoveryKeyDisplay recoveryKey={recoveryKey} onContinue={onContinue} />
    </ScreenCard>
  );
}
