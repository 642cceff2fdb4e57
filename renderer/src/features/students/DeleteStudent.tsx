import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';

/**
 * Erasure is permanent, so the mentor types the student's full name to show they mean this one.
 * Used on the profile and on the "Due for deletion" list.
 */
export function DeleteStudent({ student, onDeleted }: { student: { id: string; fullName: string }; onDeleted(): void }) {
  const [opened, modal] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = typed.trim() === student.fullName.trim();

  const close = () => {
    setTyped('');
    setError(null);
    modal.close();
  };

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('students:delete', { id: student.id, confirmName: typed.trim() });
      notifyDone('Student deleted', 'Their record has been erased. The audit log notes that a record was deleted, not what it held.');
      close();
      onDeleted();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={modal.open} aria-label={`Delete student ${student.fullName}`}>
        Delete student
      </Button>
      <Modal opened={opened} onClose={close} title="Delete this student?" centered>
        <Stack>
          <Text>
            This erases {student.fullName}’s record and everything stored with it from this computer, including the
            copies inside Mentor Desk’s backups: their key is destroyed, so no backup can bring them back. It cannot be
            undone. The audit log will note that a record was deleted, not what it held.
          </Text>
          <TextInput
            label="Type the student’s full name to confirm"
            description={student.fullName}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          {error && (
            <Alert color="red" title="Not deleted">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep student
            </Button>
            <Button color="red" onClick={() => void remove()} disabled={!matches} loading={busy}>
              Delete permanently
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
