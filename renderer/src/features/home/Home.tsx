import { Alert, Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconSignature, IconTrashX } from '@tabler/icons-react';
import { useEffect } from 'react';
import { StudentStatus, statusLabels } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { plural } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { statusColors } from '../../components/StatusBadge';
import { ComingUp } from './ComingUp';
import { FirstContactList } from './FirstContactList';

export function Home() {
  const navigate = useNavigate();
  const home = useLoad(async () => {
    const [settings, overview] = await Promise.all([call('settings:get', {}), call('home:overview', {})]);
    return { mentorName: settings.mentorName, overview };
  });
  // First-contact clocks move on while the screen is open.
  useEffect(() => {
    const timer = window.setInterval(() => void home.reload(), 60_000);
    return () => window.clearInterval(timer);
  }, [home.reload]);

  if (home.error) {
    return (
      <Alert color="red" title="Could not load your overview">
        {home.error}
        <Button mt="sm" size="xs" variant="light" onClick={() => void home.reload()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!home.data) return <Loader aria-label="Loading" />;

  const { mentorName, overview } = home.data;
  const total = Object.values(overview.counts).reduce((a, b) => a + b, 0);
  const active = [...overview.active].sort((a, b) => a.fullName.localeCompare(b.fullName, 'en-GB'));

  return (
    <Stack maw={1000} gap="lg">
      <Title order={1}>{mentorName ? `Hello, ${mentorName}` : 'Welcome to Mentor Desk'}</Title>
      {!mentorName && (
        <Alert color="blue" title="Tell Mentor Desk who you are">
          Add your name, provider, email and phone in Settings. They appear on the paperwork you produce and in the emails you send students.
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={() => navigate({ page: 'settings' })}>
              Open Settings
            </Button>
          </Group>
        </Alert>
      )}

      {overview.firstContacts.length > 0 && (
        <section aria-labelledby="first-contacts-heading">
          <Title order={2} size="h3" id="first-contacts-heading" mb="xs">
            First contacts to make
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            Each referred student must be contacted within 24 hours of the referral arriving.
          </Text>
          <FirstContactList items={overview.firstContacts} now={overview.now} />
        </section>
      )}

      {overview.agreementsDue.length > 0 && (
        <Alert color="blue" icon={<IconSignature />} title={`Service agreements to sign for ${overview.academicYear}`}>
          {plural(overview.agreementsDue.length, 'active student')} {overview.agreementsDue.length === 1 ? 'has' : 'have'} no agreement signed by both of you for this academic year.
          <Group mt="sm" gap="xs">
            {overview.agreementsDue.slice(0, 12).map((student) => (
              <Button key={student.id} size="xs" variant="light" onClick={() => navigate({ page: 'student', id: student.id, tab: 'agreement' })}>
                {student.fullName}
              </Button>
            ))}
            {overview.agreementsDue.length > 12 && <Text size="sm">and {overview.agreementsDue.length - 12} more</Text>}
          </Group>
        </Alert>
      )}

      <ComingUp />

      {overview.dueForDeletion > 0 && (
        <Alert color="orange" icon={<IconTrashX />} title={`${plural(overview.dueForDeletion, 'record')} due for deletion`}>
          These students’ records are past the time you keep records for after the last contact.
          <Group mt="sm">
            <Button size="xs" variant="light" color="orange" onClick={() => navigate({ page: 'retention' })}>
              Review due for deletion
            </Button>
          </Group>
        </Alert>
      )}

      <Card withBorder padding="lg">
        <Group justify="space-between" mb="sm">
          <div>
            <Text c="dimmed" size="sm">
              Your caseload
            </Text>
            <Text fz={32} fw={700} data-testid="student-count" lh={1.2}>
              {total}
            </Text>
          </div>
          <Group>
            <Button variant="default" onClick={() => navigate({ page: 'students' })}>
              {total === 0 ? 'Add your first student' : 'See all students'}
            </Button>
            <Button onClick={() => navigate({ page: 'newReferral' })}>New referral</Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
          {StudentStatus.options.map((status) => (
            <UnstyledButton
              key={status}
              onClick={() => navigate({ page: 'students', statuses: [status] })}
              aria-label={`${statusLabels[status]}: ${overview.counts[status] ?? 0}. Show them`}
            >
              <Card withBorder padding="xs" style={{ borderTop: `3px solid var(--mantine-color-${statusColors[status]}-6)` }}>
                <Text size="xs" c="dimmed">
                  {statusLabels[status]}
                </Text>
                <Text fw={700} fz="xl" data-testid={`count-${status}`}>
                  {overview.counts[status] ?? 0}
                </Text>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Card>

      <section aria-labelledby="active-heading">
        <Title order={2} size="h3" id="active-heading" mb="xs">
          Active students
        </Title>
        {active.length === 0 ? (
          <Text c="dimmed">No active students yet. A referred student becomes active when you change their status after the first session.</Text>
        ) : (
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Active students">
            <Table.Tbody>
              {active.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component="button" type="button" fw={600} ta="left" onClick={() => navigate({ page: 'student', id: s.id })}>
                      {s.fullName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{s.institution}</Table.Td>
                  <Table.Td>{s.allocatedHours === null ? '' : `${s.allocatedHours} hours`}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
    </Stack>
  );
}
