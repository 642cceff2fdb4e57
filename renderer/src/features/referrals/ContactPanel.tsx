import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { firstContactState, firstSuccessfulContactAt } from '../../../../shared/domain/firstContact';
import { contactMethodLabels, contactOutcomeLabels, type Referral } from '../../../../shared/schemas/referral';
import type { Student } from '../../../../shared/schemas/student';
import { formatDateTime } from '../../app/format';
import { useNow } from '../../app/useNow';
import { FirstSessionForm } from './FirstSessionForm';
import { LogContactForm } from './LogContactForm';
import { ReferralInfo } from './ReferralInfo';
import { firstContactColors, firstContactSentence } from './firstContactText';

const STATE_TITLES = { overdue: 'First contact overdue', 'due-soon': 'First contact due soon', waiting: 'First contact due', contacted: 'First contact made' } as const;

/** The contact log of a referred student, against the rule that first contact is due within 24 hours. */
export function ContactPanel({ student, referral, onChanged }: { student: Student; referral: Referral | null; onChanged(): Promise<void> }) {
  const now = useNow();
  if (!referral) {
    return (
      <Text c="dimmed">
        {student.preferredName || student.fullName} was added directly rather than from a referral, so there is no first-contact record to keep.
        Referrals made on the “New referral” page get a contact log here.
      </Text>
    );
  }
  const contactedAt = firstSuccessfulContactAt(referral.contacts);
  const { state, dueAt } = firstContactState({ receivedAt: referral.receivedAt, firstContactAt: contactedAt }, now);
  const contacts = [...referral.contacts].sort((a, b) => b.at - a.at);

  return (
    <Stack gap="lg">
      <Alert color={firstContactColors[state]} title={STATE_TITLES[state]} data-testid="first-contact-state" data-state={state}>
        {firstContactSentence(state, dueAt, now, contactedAt)}
      </Alert>
      <LogContactForm studentId={student.id} preferred={student.preferredContact} onLogged={onChanged} />
      <div>
        <Title order={3} size="h5" mb="xs">
          Contact log
        </Title>
        {contacts.length === 0 ? (
          <Text c="dimmed" size="sm">
            No contacts logged yet.
          </Text>
        ) : (
          <Table striped verticalSpacing="xs" fz="sm" aria-label="Contact log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Method</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>Note</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.at)}</Table.Td>
                  <Table.Td>{contactMethodLabels[c.method]}</Table.Td>
                  <Table.Td>{contactOutcomeLabels[c.outcome]}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{c.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </div>
      <FirstSessionForm key={JSON.stringify(referral.firstSession)} studentId={student.id} booking={referral.firstSession} onBooked={onChanged} />
      <div>
        <Title order={3} size="h5" mb="xs">
          Referral
        </Title>
        <ReferralInfo referral={referral} />
      </div>
    </Stack>
  );
}
