import { Alert, Button, Checkbox, Group, Loader, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconCalendarDown, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState } from 'react';
import { calendarEventKindLabels, type CalendarEvent, type CalendarEventKind } from '../../../../shared/schemas/calendar';
import { call } from '../../app/client';
import { notifyError } from '../../app/feedback';
import { useExport } from '../../app/useExport';
import { formatIsoDate, todayIso } from '../../app/format';
import { useLoad } from '../../app/useLoad';
import { CalendarEntry } from './CalendarEntry';
import { kindColors, monthGrid, shiftMonth } from './eventStyle';
import { MonthGrid } from './MonthGrid';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthTitle = (month: string) => `${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

/** The mentor's calendar: deadlines, bank holidays and students' dates, by month or as a list. */
export function CalendarPage() {
  const today = todayIso();
  const [month, setMonth] = useState(today.slice(0, 7));
  const [view, setView] = useState<'month' | 'agenda'>('month');
  const [focusDay, setFocusDay] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const range = monthGrid(month);
  const events = useLoad(() => call('calendar:events', { from: range.from, to: range.to }), [range.from, range.to]);

  const toggle = async (event: CalendarEvent, done: boolean) => {
    try {
      await call('calendar:markDone', { eventId: event.id, done });
      await events.reload();
    } catch (err) {
      notifyError('Not saved', err);
    }
  };

  const agenda = (events.data ?? []).filter((e) => e.date.startsWith(month) && (!focusDay || e.date === focusDay));
  const kindsShown = [...new Set((events.data ?? []).map((e) => e.kind))];

  return (
    <Stack maw={1200} gap="md">
      <Group justify="space-between">
        <Title order={1}>Calendar</Title>
        <Button variant="default" leftSection={<IconCalendarDown size={16} />} onClick={() => setExporting(true)}>
          Export to my calendar app…
        </Button>
      </Group>
      <Group justify="space-between">
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setMonth(shiftMonth(month, -1))} aria-label="Previous month">
            <IconChevronLeft size={16} />
          </Button>
          <Button variant="default" size="xs" onClick={() => { setMonth(today.slice(0, 7)); setFocusDay(null); }}>
            This month
          </Button>
          <Button variant="default" size="xs" onClick={() => setMonth(shiftMonth(month, 1))} aria-label="Next month">
            <IconChevronRight size={16} />
          </Button>
          <Title order={2} size="h3" ml="sm" aria-live="polite">
            {monthTitle(month)}
          </Title>
        </Group>
        <SegmentedControl
          value={view}
          onChange={(v) => { setView(v as 'month' | 'agenda'); setFocusDay(null); }}
          data={[
            { value: 'month', label: 'Month' },
            { value: 'agenda', label: 'Agenda' },
          ]}
          aria-label="Calendar view"
        />
      </Group>
      <Group gap="md" aria-label="Colour key">
        {kindsShown.map((kind: CalendarEventKind) => (
          <Group key={kind} gap={4}>
            <div style={{ width: 10, height: 10, borderRadius: 2, background: `var(--mantine-color-${kindColors[kind]}-6)` }} />
            <Text size="xs">{calendarEventKindLabels[kind]}</Text>
          </Group>
        ))}
      </Group>
      {events.error && (
        <Alert color="red" title="Could not load the calendar">
          {events.error}
        </Alert>
      )}
      {!events.data && !events.error && <Loader size="sm" aria-label="Loading the calendar" />}
      {events.data && view === 'month' && (
        <MonthGrid
          month={month}
          today={today}
          events={events.data}
          onPickDay={(date) => {
            setFocusDay(date);
            setView('agenda');
            if (!date.startsWith(month)) setMonth(date.slice(0, 7));
          }}
        />
      )}
      {events.data && view === 'agenda' && (
        <Stack gap="sm" role="region" aria-label="Agenda entries">
          {focusDay && (
            <Group gap="xs">
              <Text size="sm">Showing {formatIsoDate(focusDay)} only.</Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setFocusDay(null)}>
                Show the whole month
              </Button>
            </Group>
          )}
          {agenda.length === 0 && <Text c="dimmed">Nothing on these days.</Text>}
          {groupByDay(agenda).map(([date, items]) => (
            <Stack key={date} gap={4}>
              <Text fw={700} size="sm" c={date === today ? 'teal.8' : undefined}>
                {formatIsoDate(date)}
                {date === today ? ' · today' : ''}
              </Text>
              {items.map((e) => (
                <CalendarEntry key={e.id} event={e} onToggle={(ev, done) => void toggle(ev, done)} />
              ))}
            </Stack>
          ))}
        </Stack>
      )}
      <IcsExport opened={exporting} onClose={() => setExporting(false)} today={today} />
    </Stack>
  );
}

function groupByDay(events: CalendarEvent[]): [string, CalendarEvent[]][] {
  const days = new Map<string, CalendarEvent[]>();
  for (const e of events) days.set(e.date, [...(days.get(e.date) ?? []), e]);
  return [...days.entries()];
}

/** The next twelve months of deadlines as an .ics file; student entries only by choice, as initials. */
function IcsExport({ opened, onClose, today }: { opened: boolean; onClose(): void; today: string }) {
  const [includeStudents, setIncludeStudents] = useState(false);
  const exporter = useExport('Calendar');
  const to = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const run = async () => {
    const written = await exporter.run(
      () => call('calendar:exportIcs', { from: today, to: to.endsWith('-02-29') ? to.replace('-29', '-28') : to, includeStudents }),
      '. Open it with your calendar app to add the deadlines.',
    );
    if (written) onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Export deadlines as an .ics file">
      <Stack gap="sm">
        <Text size="sm">
          The provider’s deadlines from {formatIsoDate(today)} for twelve months, as a file Outlook, Google or Apple Calendar can import. Exporting
          again later updates the same entries.
        </Text>
        <Checkbox
          checked={includeStudents}
          onChange={(e) => setIncludeStudents(e.currentTarget.checked)}
          label="Include sessions, reviews and hours deadlines"
          description="Shown by the student’s initials only: the file is not encrypted once it leaves Mentor Desk."
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void run()} loading={exporter.busy}>
            Export
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
