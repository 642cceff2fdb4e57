import { Alert, Button, Group, Loader, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/schemas/vault';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { BackupTable, backupTimeFormat } from '../../components/BackupTable';

export function Backups() {
  const { reloadAfterRestore } = useSession();
  const backups = useLoad(() => call('vault:listBackups', {}));
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const when = backupTimeFormat(backups.data ?? []);

  const close = () => {
    setChosen(null);
    setError(null);
  };

  const restore = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      const next = await call('vault:restoreBackup', { id: chosen.id });
      notifyDone('Copy restored', `Your records are back as they were at ${when(chosen.takenAt)}.`);
      // Every screen reloads, because every record may have changed.
      reloadAfterRestore(next);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <>
      {backups.error && (
        <Alert color="red" title="Could not list the backups">
          {backups.error}
        </Alert>
      )}
      {!backups.data && !backups.error && <Loader size="sm" aria-label="Loading backups" />}
      {backups.data && <BackupTable backups={backups.data} onRestore={setChosen} />}
      <Modal opened={chosen !== null} onClose={close} title="Restore this copy?" centered>
        {chosen && (
          <>
            <Text>
              Your records will go back to how they were at <strong>{when(chosen.takenAt)}</strong>. Anything you
              added or changed after that will no longer appear.
            </Text>
            {error && (
              <Alert color="red" title="Not restored" mt="md">
                {error}
              </Alert>
            )}
            <Group justify="flex-end" mt="lg">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button color="orange" onClick={() => void restore()} loading={busy}>
                Restore copy
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </>
  );
}
