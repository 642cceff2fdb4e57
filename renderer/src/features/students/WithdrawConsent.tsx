import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';

/** Withdrawal clears the support needs kept under the consent, so the mentor confirms first. */
export function WithdrawConsent({ student, onWithdrawn }: { student: Student; onWithdrawn(): Promise<void> }) {
  const [opened, modal] = useDisclosure(false);
  const [on, setOn] = useState(todayIso);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const withdraw = async () => {
    if (!on) return setError('Enter the date consent was withdrawn, like 23/11/2026.');
    setBusy(true);
    setError(null);
    try {
      await call('students:withdrawConsent', { id: student.id, on });
      notifyDone('Consent withdrawn', 'The support needs kept under it have been cleared.');
      modal.close();
      await onWithdrawn();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button color="red" variant="light" onClick={modal.open}>
        Record withdrawal…
      </Button>
      <Modal opened={opened} onClose={modal.close} title="Withdraw consent?" centered>
        <Stack>
          <Text size="sm">
            Once consent is withdrawn, Mentor Desk clears {student.preferredName || student.fullName}’s support needs from their record,
            and they cannot be kept again until new consent is recorded. The rest of the record stays.
          </Text>
          <UkDateInput label="Withdrawn on" value={on} onChange={setOn} />
          {error && (
            <Alert color="red" title="Not withdrawn">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            {/* The safe choice has the focus. */}
            <Button variant="default" onClick={modal.close} data-autofocus>
              Cancel
            </Button>
            <Button color="red" onClick={() => void withdraw()} loading={busy}>
              Withdraw consent and clear support needs
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
