import { Badge, Checkbox, Group, Text, UnstyledButton } from '@mantine/core';
import { calendarEventKindLabels, type CalendarEvent } from '../../../../shared/schemas/calendar';
import { formatIsoDate } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { canTickOff, kindColors } from './eventStyle';

/**
 * One entry as a line: a tick box for deadlines, a link to the student for student entries, and a
 * coloured badge saying what kind it is.
 */
export function CalendarEntry({ event, onToggle, showDate = false }: { event: CalendarEvent; onToggle(event: CalendarEvent, done: boolean): void; showDate?: boolean }) {
  const navigate = useNavigate();
  const label = (
    <Text size="sm" td={event.done ? 'line-through' : undefined} c={event.done ? 'dimmed' : undefined}>
      {showDate && <Text span fw={600}>{formatIsoDate(event.date)} </Text>}
      {event.time && <Text span fw={600}>{event.time} </Text>}
      {event.title}
      {event.opensOn && (
        <Text span size="xs" c="dimmed">
          {' '}
          (opened {formatIsoDate(event.opensOn)})
        </Text>
      )}
    </Text>
  );
  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      {canTickOff(event) ? (
        <Checkbox size="xs" checked={event.done} onChange={(e) => onToggle(event, e.currentTarget.checked)} label={label} aria-label={`${event.title}, due ${formatIsoDate(event.date)}: done`} />
      ) : event.studentId ? (
        <UnstyledButton onClick={() => navigate({ page: 'student', id: event.studentId! })} aria-label={`${event.title}, ${formatIsoDate(event.date)}: open the student`}>
          {label}
        </UnstyledButton>
      ) : (
        label
      )}
      <Badge size="xs" variant="light" color={kindColors[event.kind]} style={{ flexShrink: 0 }}>
        {calendarEventKindLabels[event.kind]}
      </Badge>
    </Group>
  );
}
