import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import type { CalendarEvent, ComingUpItem } from '../../../../shared/schemas/calendar';
import { call } from '../../app/client';
import { notifyError } from '../../app/feedback';
import { plural } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { CalendarEntry } from '../calendar/CalendarEntry';

/** The home screen's "coming up": what is overdue first, then the next two weeks. */
export function ComingUp() {
  const navigate = useNavigate();
  const coming = useLoad(() => call('calendar:comingUp', {}));
  useEffect(() => {
    const timer = window.setInterval(() => void coming.reload(), 5 * 60_000);
    return () => window.clearInterval(timer);
  }, [coming.reload]);

  const toggle = async (event: CalendarEvent, done: boolean) => {
    try {
      await call('calendar:markDone', { eventId: event.id, done });
      await coming.reload();
      // A ticked item leaves the list, so the way back is offered where the eye goes next.
      if (done) {
        const id = notifications.show({
          color: 'teal',
          title: 'Marked done',
          message: (
            <Group gap="xs">
              <Text size="sm">{event.title}</Text>
              <Button size="compact-xs" variant="light" onClick={() => { notifications.hide(id); void toggle(event, false); }}>
                Undo
              </Button>
            </Group>
          ),
          autoClose: 8000,
        });
      }
    } catch (err) {
      notifyError('Not saved', err);
    }
  };

  // First contacts have their own list at the top of the home screen, with their 24-hour clocks.
  const items = (coming.data?.items ?? []).filter((i) => i.kind !== 'first-contact');
  const overdue = items.filter((i) => i.state === 'overdue');
  const due = items.filter((i) => i.state === 'due');
  return (
    <section aria-labelledby="coming-up-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="coming-up-heading">
          Coming up
        </Title>
        <Anchor component="button" size="sm" onClick={() => navigate({ page: 'calendar' })}>
          Open the calendar
        </Anchor>
      </Group>
      {coming.error && <Alert color="red">{coming.error}</Alert>}
      {!coming.data && !coming.error && <Loader size="sm" aria-label="Loading what is coming up" />}
      {coming.data && items.length === 0 && <Text c="dimmed">Nothing due in the next two weeks.</Text>}
      {overdue.length > 0 && (
        <Paper withBorder p="sm" mb="sm" radius="md" style={{ borderLeft: '4px solid var(--mantine-color-red-6)' }} aria-label="Overdue">
          <Text fw={700} size="sm" c="red.8" mb={4}>
            Overdue ({plural(overdue.length, 'item')})
          </Text>
          <Entries items={overdue} onToggle={toggle} />
        </Paper>
      )}
      {due.length > 0 && (
        <Paper withBorder p="sm" radius="md" aria-label="Due in the next two weeks">
          <Entries items={due} onToggle={toggle} />
        </Paper>
      )}
    </section>
  );
}

function Entries({ items, onToggle }: { items: ComingUpItem[]; onToggle(event: CalendarEvent, done: boolean): Promise<void> }) {
  return (
    <Stack gap={6}>
      {items.map((item) => (
        <Group key={item.id} gap="sm" wrap="nowrap" align="flex-start">
          <Text size="xs" c={item.state === 'overdue' ? 'red.8' : 'dimmed'} w={86} style={{ flexShrink: 0 }} pt={2}>
            {item.daysUntil === 0 ? 'today' : item.daysUntil === 1 ? 'tomorrow' : item.daysUntil < 0 ? `${-item.daysUntil} days late` : `in ${item.daysUntil} days`}
          </Text>
          <div style={{ flex: 1 }}>
            <CalendarEntry event={item} onToggle={(e, done) => void onToggle(e, done)} showDate />
          </div>
        </Group>
      ))}
    </Stack>
  );
}
