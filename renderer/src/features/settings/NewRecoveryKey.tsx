import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { RecoveryKeyDisplay } from '../vault/RecoveryKeyDisplay';

/** Replaces the recovery key (e.g. the old one was lost or seen by someone); asks the passphrase first. */
export function NewRecoveryKey() {
  const [opened, modal] = useDisclosure(false);
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setPassphrase('');
    setRecoveryKey(null);
    setError(null);
    modal.close();
  };

  const make = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await call('vault:newRecoveryKey', { passphrase });
      setPassphrase('');
      setRecoveryKey(result.recoveryKey);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const showingKey = recoveryKey !== null;
  return (
    <>
      <Group>
        <Button variant="default" onClick={modal.open}>
          Make a new recovery key
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={showingKey ? 'Your new recovery key' : 'Make a new recovery key'}
        size="lg"
        // Once the key is on screen, the only way out is to confirm it is stored: it is never shown again.
        closeOnClickOutside={!showingKey}
        closeOnEscape={!showingKey}
        withCloseButton={!showingKey}
      >
        {showingKey ? (
          <RecoveryKeyDisplay
            recoveryKey={recoveryKey}
            onContinue={() => {
              close();
              notifyDone('Recovery key replaced', 'Your old recovery key no longer works.');
            }}
          />
        ) : (
          <form onSubmit={make} noValidate>
            <Stack>
              <Text size="sm">
                Your current recovery key will stop working, and you will be shown a new one to store safely. Type your
                passphrase to go ahead.
              </Text>
              <PasswordInput
                label="Your passphrase"
                value={passphrase}
                onChange={(event) => setPassphrase(event.currentTarget.value)}
                autoComplete="current-password"
                data-autofocus
              />
              {error && (
                <Alert color="red" title="No new key made">
                  {error}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  Cancel
                </Button>
                <Button type="submit" loading={busy} disabled={passphrase === ''}>
                  Make new key
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
