import { Alert, Button, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { call } from '../../app/client';
import { plural } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';

export function Home() {
  const navigate = useNavigate();
  const overview = useLoad(async () => {
    const [settings, students] = await Promise.all([call('settings:get', {}), call('students:list', {})]);
    return { mentorName: settings.mentorName, studentCount: students.length };
  });

  if (overview.error) {
    return (
      <Alert color="red" title="Could not load your overview">
        {overview.error}
        <Button mt="sm" size="xs" variant="light" onClick={() => void overview.reload()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!overview.data) return <Loader aria-label="Loading" />;

  const { mentorName, studentCount } = overview.data;
  return (
    <Stack maw={900}>
      <Title order={1}>{mentorName ? `Hello, ${mentorName}` : 'Welcome to Mentor Desk'}</Title>
      {!mentorName && (
        <Alert color="blue" title="Tell Mentor Desk who you are">
          Add your name, provider and email in Settings. They appear on the paperwork you produce.
          <Group mt="sm">
            <Button size="xs" variant="light" onClick={() => navigate('settings')}>
              Open Settings
            </Button>
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder padding="lg">
          <Text c="dimmed" size="sm">
            Your caseload
          </Text>
          <Text fz={36} fw={700} data-testid="student-count">
            {studentCount}
          </Text>
          <Text>{studentCount === 0 ? 'No students yet' : `${plural(studentCount, 'student')} on your caseload`}</Text>
          <Group mt="md">
            <Button variant="light" onClick={() => navigate('students')}>
              {studentCount === 0 ? 'Add your first student' : 'See students'}
            </Button>
          </Group>
        </Card>
        <Card withBorder padding="lg">
          <Title order={2} size="h4" mb="xs">
            What’s next
          </Title>
          <List spacing="xs" size="sm">
            {!mentorName && <List.Item>Fill in your details in Settings.</List.Item>}
            {studentCount === 0 && <List.Item>Add the students you support.</List.Item>}
            <List.Item>Check that your recovery key is stored somewhere safe, away from this computer.</List.Item>
            <List.Item>Lock Mentor Desk whenever you step away; it also locks itself after a while without activity.</List.Item>
          </List>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
