import { Box, Paper, SimpleGrid, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { CalendarEvent } from '../../../../shared/schemas/calendar';
import { useNavigate } from '../../app/navigation';
import { kindColors, monthGrid } from './eventStyle';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const SHOWN_PER_DAY = 3;

/**
 * A month at a glance, Monday first: each day with its bank holiday and up to three entries as
 * coloured lines; a day with more says how many, and picking a day shows them all in the agenda.
 */
export function MonthGrid({ month, today, events, onPickDay }: { month: string; today: string; events: CalendarEvent[]; onPickDay(date: string): void }) {
  const navigate = useNavigate();
  const { days } = monthGrid(month);
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of events) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);

  return (
    <Box role="group" aria-label={`Month of ${month}`}>
      <SimpleGrid cols={7} spacing={4} mb={4} aria-hidden>
        {WEEKDAYS.map((d) => (
          <Text key={d} size="xs" fw={700} c="dimmed" ta="center">
            {d}
          </Text>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={7} spacing={4}>
        {days.map((date) => {
          const entries = byDay.get(date) ?? [];
          const holiday = entries.find((e) => e.kind === 'bank-holiday');
          const others = entries.filter((e) => e.kind !== 'bank-holiday');
          const inMonth = date.startsWith(month);
          const weekend = [5, 6].includes((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7);
          return (
            <Paper
              key={date}
              withBorder
              p={6}
              mih={96}
              role="group"
              aria-label={`${date}${holiday ? `, ${holiday.title}` : ''}, ${others.length} ${others.length === 1 ? 'entry' : 'entries'}`}
              bg={date === today ? 'teal.0' : holiday || weekend ? 'gray.0' : undefined}
              style={{ opacity: inMonth ? 1 : 0.55, borderColor: date === today ? 'var(--mantine-color-teal-5)' : undefined }}
            >
              <Stack gap={2}>
                <UnstyledButton onClick={() => onPickDay(date)} aria-label={`Show ${date} in the agenda`}>
                  <Text size="xs" fw={date === today ? 800 : 600}>
                    {Number(date.slice(8))}
                    {holiday && (
                      <Text span size="xs" c="dimmed" fw={400}>
                        {' '}
                        {holiday.title}
                      </Text>
                    )}
                  </Text>
                </UnstyledButton>
                {others.slice(0, SHOWN_PER_DAY).map((e) => (
                  <Tooltip key={e.id} label={`${e.time ? `${e.time} ` : ''}${e.title}`} openDelay={300} withinPortal>
                    <UnstyledButton
                      onClick={() => (e.studentId ? navigate({ page: 'student', id: e.studentId }) : onPickDay(date))}
                      style={{
                        borderLeft: `3px solid var(--mantine-color-${kindColors[e.kind]}-6)`,
                        paddingLeft: 4,
                        textDecoration: e.done ? 'line-through' : undefined,
                        opacity: e.done ? 0.6 : 1,
                      }}
                    >
                      <Text size="xs" lineClamp={1}>
                        {e.time ? `${e.time} ` : ''}
                        {e.title}
                      </Text>
                    </UnstyledButton>
                  </Tooltip>
                ))}
                {others.length > SHOWN_PER_DAY && (
                  <UnstyledButton onClick={() => onPickDay(date)}>
                    <Text size="xs" c="dimmed">
                      +{others.length - SHOWN_PER_DAY} more
                    </Text>
                  </UnstyledButton>
                )}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Box>
  );
}
