import { Alert, Badge, Button, Group, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconMail, IconSettings } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { ukDate, WEEKDAY_NAMES, weekdayOf, addDays } from '../../../../shared/domain/sessionRules';
import { initialsOf } from '../../../../shared/domain/availability';
import { sessionModeLabels } from '../../../../shared/schemas/session';
import { call } from '../../app/client';
import { todayIso } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { availabilityMailto, mondayOf, studentsToLoad, weekDays, type WeekBooking, type WeekDay } from './weekData';

const endOf = (start: string, minutes: number) => {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 24 * 60 - 1);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/**
 * The mentor's week: free hours from Settings minus booked sessions, day by day, and the weekly
 * email to the coordinator (free times and bookings by initials, never names).
 */
export function WeekPage() {
  const navigate = useNavigate();
  const today = todayIso();
  const [which, setWhich] = useState<'this' | 'next'>('this');
  const loaded = useLoad(async () => {
    const [settings, students] = await Promise.all([call('settings:get', {}), call('students:list', {})]);
    const lists = await Promise.all(studentsToLoad(students).map(async (s) => ({ student: s, list: await call('sessions:list', { studentId: s.id }) })));
    const bookings: WeekBooking[] = lists.flatMap(({ student, list }) =>
      list.sessions.map((session) => ({
        date: session.date,
        start: session.start,
        plannedMinutes: session.plannedMinutes,
        status: session.status,
        mode: session.mode,
        studentId: student.id,
        studentName: student.fullName,
        initials: initialsOf(student.fullName),
      })),
    );
    return { settings, bookings };
  });

  if (loaded.error) {
    return (
      <Alert color="red" title="Could not load your week">
        {loaded.error}
        <Button mt="sm" size="xs" variant="light" onClick={() => void loaded.reload()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!loaded.data) return <Loader aria-label="Loading your week" />;

  const { settings, bookings } = loaded.data;
  const thisMonday = mondayOf(today);
  const weekStart = which === 'this' ? thisMonday : addDays(thisMonday, 7);
  const days = weekDays(settings.availability, bookings, weekStart);
  const email = availabilityMailto({ availability: settings.availability, bookings, today, mentorName: settings.mentorName, coordinatorEmail: settings.coordinatorEmail });
  const openStudent = (b: WeekBooking) => navigate({ page: 'student', id: b.studentId, tab: 'sessions' });

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>My week</Title>
          <Text c="dimmed">
            Week beginning {WEEKDAY_NAMES[weekdayOf(weekStart) - 1]} {ukDate(weekStart)}: free hours from your availability, less the sessions booked.
          </Text>
        </Stack>
        <Group gap="xs">
          <SegmentedControl
            aria-label="Which week"
            value={which}
            onChange={(v) => setWhich(v as 'this' | 'next')}
            data={[
              { value: 'this', label: 'This week' },
              { value: 'next', label: 'Next week' },
            ]}
          />
          <Tooltip label={`Opens your mail program with the week beginning ${ukDate(email.weekStart)}: free times and bookings by initials only`}>
            <Button component="a" href={email.href} target="_blank" rel="noopener noreferrer" leftSection={<IconMail size={16} />}>
              Email availability to coordinator
            </Button>
          </Tooltip>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: days.length }} spacing="sm" role="list" aria-label="Days of the week">
        {days.map((day) => (
          <DayColumn key={day.date} day={day} today={today} nowTime={dayjs().format('HH:mm')} onOpen={openStudent} />
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" leftSection={<IconSettings size={14} />} onClick={() => navigate({ page: 'settings' })}>
          Change your availability in Settings
        </Button>
      </Group>
    </Stack>
  );
}

function DayColumn({ day, today, nowTime, onOpen }: { day: WeekDay; today: string; nowTime: string; onOpen(b: WeekBooking): void }) {
  const past = day.date < today;
  // Today's hours already gone by are shown, but no longer as free.
  const gone = (end: string) => day.date === today && end <= nowTime;
  const name = WEEKDAY_NAMES[weekdayOf(day.date) - 1]!;
  const items = [
    ...day.free.map((s) => ({ kind: 'free' as const, start: s.start, end: s.end })),
    ...day.booked.map((b) => ({ kind: 'booked' as const, start: b.start, end: endOf(b.start, b.plannedMinutes), booking: b })),
  ].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      role="listitem"
      aria-label={`${name} ${ukDate(day.date)}`}
      style={{ opacity: past ? 0.6 : 1, ...(day.date === today ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : {}) }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap={4}>
          <Group gap={6}>
            <Text fw={700}>{name}</Text>
            {day.date === today && (
              <Badge size="xs" color="teal" variant="filled">
                Today
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {ukDate(day.date).slice(0, 5)}
          </Text>
        </Group>
        {day.override === 'unavailable' && (
          <Badge color="gray" variant="light">
            Unavailable
          </Badge>
        )}
        {day.override === 'other-hours' && (
          <Badge color="grape" variant="light">
            Other hours
          </Badge>
        )}
        {items.length === 0 && day.override !== 'unavailable' && (
          <Text size="sm" c="dimmed">
            No hours
          </Text>
        )}
        {items.map((item) =>
          item.kind === 'free' ? (
            <Text
              key={`f${item.start}`}
              size="sm"
              px={8}
              py={4}
              bg={gone(item.end) ? 'gray.0' : 'green.0'}
              c={gone(item.end) ? 'dimmed' : 'green.9'}
              td={gone(item.end) ? 'line-through' : undefined}
              style={{ borderRadius: 6 }}
              data-testid="free-slot"
            >
              {item.start}–{item.end} {gone(item.end) ? 'gone by' : 'free'}
            </Text>
          ) : (
            <Tooltip key={`b${item.start}${item.booking.studentId}`} label={`${item.booking.studentName}${item.booking.mode ? ` · ${sessionModeLabels[item.booking.mode]}` : ''} · ${item.booking.status === 'booked' ? 'booked' : 'held'}`}>
              <Button
                variant={item.booking.status === 'booked' ? 'light' : 'outline'}
                color="blue"
                size="compact-sm"
                justify="space-between"
                fullWidth
                data-testid="booked-slot"
                aria-label={`${item.start}–${item.end} ${item.booking.initials}: open the student`}
                onClick={() => onOpen(item.booking)}
              >
                {item.start}–{item.end} {item.booking.initials}
              </Button>
            </Tooltip>
          ),
        )}
      </Stack>
    </Paper>
  );
}
