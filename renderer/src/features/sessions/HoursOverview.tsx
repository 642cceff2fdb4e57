import { Alert, Group, Paper, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { HoursSummary, HoursWarningKind } from '../../../../shared/schemas/hoursPolicy';
import { formatIsoDate } from '../../app/format';

/** Red when the hours or the time have run out; orange when they are about to. */
export const warningColors: Record<HoursWarningKind, string> = {
  'over-allocation': 'red',
  'deadline-passed': 'red',
  'used-80': 'orange',
  'booked-exceeds-remaining': 'orange',
  'deadline-near': 'yellow',
  'booked-after-deadline': 'orange',
};

export const warningTitles: Record<HoursWarningKind, string> = {
  'over-allocation': 'More hours used than allocated',
  'deadline-passed': 'The hours deadline has passed',
  'used-80': 'Most of the hours are used',
  'booked-exceeds-remaining': 'More booked than remains',
  'deadline-near': 'The hours deadline is near',
  'booked-after-deadline': 'Sessions booked after the deadline',
};

const hoursText = (hours: number) => `${hours.toFixed(1)} h`;

/** Where the student's support hours stand: a bar of used, awaiting signatures, booked and remaining, then the warnings. */
export function HoursOverview({ hours, deadline }: { hours: HoursSummary; deadline: string }) {
  const { allocated } = hours;
  const total = allocated !== null && allocated > 0 ? Math.max(allocated, hours.used + hours.awaitingSignatures + hours.booked) : null;
  const share = (value: number) => (total ? (100 * value) / total : 0);
  const free = allocated === null ? 0 : Math.max(0, (hours.remaining ?? 0) - hours.awaitingSignatures - hours.booked);

  return (
    <Paper withBorder p="md" radius="md" aria-label="Support hours" role="region">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Text fw={700}>Support hours</Text>
          <Text size="sm" c="dimmed" data-testid="hours-deadline">
            {deadline ? `To be used by ${formatIsoDate(deadline)}` : 'No deadline recorded'}
          </Text>
        </Group>
        {total !== null ? (
          <Progress.Root size={22} aria-label="Hours used, awaiting signatures, booked and free">
            <Tooltip label={`Used: ${hoursText(hours.used)}`}>
              <Progress.Section value={share(hours.used)} color={hours.warnings.some((w) => w.kind === 'over-allocation') ? 'red' : 'teal'}>
                <Progress.Label>Used</Progress.Label>
              </Progress.Section>
            </Tooltip>
            <Tooltip label={`Awaiting signatures: ${hoursText(hours.awaitingSignatures)}`}>
              <Progress.Section value={share(hours.awaitingSignatures)} color="cyan">
                <Progress.Label>Awaiting</Progress.Label>
              </Progress.Section>
            </Tooltip>
            <Tooltip label={`Booked: ${hoursText(hours.booked)}`}>
              <Progress.Section value={share(hours.booked)} color="yellow">
                <Progress.Label>Booked</Progress.Label>
              </Progress.Section>
            </Tooltip>
            <Tooltip label={`Not yet booked: ${hoursText(free)}`}>
              <Progress.Section value={share(free)} color="gray.3" />
            </Tooltip>
          </Progress.Root>
        ) : (
          <Text size="sm" c="dimmed">
            The allocation is not recorded yet: add it on the Details tab when the office confirms it.
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" data-testid="hours-figures">
          <Figure label="Allocated" value={allocated === null ? '—' : hoursText(allocated)} />
          <Figure label="Used" value={hoursText(hours.used)} testId="hours-used" />
          <Figure label="Awaiting signatures" value={hoursText(hours.awaitingSignatures)} />
          <Figure label="Booked" value={hoursText(hours.booked)} testId="hours-booked" />
          <Figure label="Remaining" value={hours.remaining === null ? '—' : hoursText(hours.remaining)} testId="hours-remaining" />
        </SimpleGrid>
        {hours.percentUsed !== null && (
          <Text size="xs" c="dimmed">
            {hours.percentUsed}% of the allocation used. Booked sessions and those awaiting signatures count once both have signed.
          </Text>
        )}
        {hours.warnings.map((w) => (
          <Alert key={w.kind} color={warningColors[w.kind]} icon={<IconAlertTriangle size={18} />} title={warningTitles[w.kind]} data-testid={`hours-warning-${w.kind}`}>
            {w.message}
          </Alert>
        ))}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}
