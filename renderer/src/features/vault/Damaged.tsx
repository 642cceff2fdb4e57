import { Alert, Button, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/schemas/vault';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { useSession } from '../../app/session';
import { BackupTable, backupTimeFormat } from '../../components/BackupTable';
import { ScreenCard } from '../../components/ScreenCard';

/** The vault file will not open or does not check out: explain, and offer the backups. */
export function Damaged() {
  const { status, applyStatus } = useSession();
  const damage = status.damage;
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [restoringId, setRestoringId] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);

  useEffect(() => {
    call('vault:listBackups', {})
      .then(setBackups)
      .catch((err: unknown) => setListError(describeError(err)));
  }, []);

  const when = backupTimeFormat(backups ?? (damage?.newestGoodBackup ? [damage.newestGoodBackup] : []));

  const restore = async (backup: BackupInfo) => {
    setRestoringId(backup.id);
    setRestoreError(null);
    try {
      const next = await call('vault:restoreBackup', { id: backup.id });
      notifyDone('Copy restored', `Your records are back as they were at ${when(backup.takenAt)}.`);
      applyStatus(next);
    } catch (err) {
      setRestoreError(describeError(err));
    } finally {
      setRestoringId(null);
    }
  };

  return (
    <ScreenCard title="Your vault needs attention" size="md">
      <Stack>
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Mentor Desk could not open your records">
          {damage?.message ?? 'The vault file could not be read.'}
        </Alert>
        <Text>
          This usually means the file was changed or cut short outside Mentor Desk, for example by a disk problem or a sync
          tool. Mentor Desk keeps encrypted backup copies, so you can go back to the last one that checks out. Anything saved
          after that copy was taken will be missing.
        </Text>
        <Text>
          The damaged file is kept as it is, not overwritten, in case it can be repaired later.
        </Text>
        {damage?.newestGoodBackup && (
          <Button
            size="md"
            onClick={() => damage.newestGoodBackup && void restore(damage.newestGoodBackup)}
            loading={restoringId === damage.newestGoodBackup.id}
            disabled={restoringId !== null}
          >
            Restore copy from {when(damage.newestGoodBackup.takenAt)}
          </Button>
        )}
        {restoreError && (
          <Alert color="red" title="Not restored">
            {restoreError}
          </Alert>
        )}
        <Title order={2} size="h4" mt="sm">
          All backup copies
        </Title>
        {listError && (
          <Alert color="red" title="Could not list the backups">
            {listError}
          </Alert>
        )}
        {!backups && !listError && <Loader size="sm" aria-label="Loading backups" />}
        {backups && <BackupTable backups={backups} onRestore={(backup) => void restore(backup)} restoringId={restoringId} />}
        {backups && backups.length === 0 && !damage?.newestGoodBackup && (
          <Text>
            Without a backup copy the records cannot be opened. If you have a copy of your Mentor Desk data folder elsewhere
            (for example an external drive), put it back in place and start Mentor Desk again.
          </Text>
        )}
      </Stack>
    </ScreenCard>
  );
}
