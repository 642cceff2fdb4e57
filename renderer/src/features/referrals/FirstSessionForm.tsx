import { Button, Group, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { IconCalendarEvent } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { FirstSessionBooking } from '../../../../shared/schemas/referral';
import { call } from '../../app/client';
import { describeError, notifySaved } from '../../app/feedback';
import { UkDateInput } from '../../components/UkDateInput';

export function describeBooking(b: FirstSessionBooking): string {
  const day = dayjs(b.date, 'YYYY-MM-DD').format('dddd DD/MM/YYYY');
  return `${day} at ${b.time}${b.place ? `, ${b.place}` : ''}`;
}

export function FirstSessionForm({ studentId, booking, onBooked }: { studentId: string; booking: FirstSessionBooking | null; onBooked(): Promise<void> }) {
  const [editing, setEditing] = useState(booking === null);
  const [date, setDate] = useState(booking?.date ?? '');
  const [time, setTime] = useState(booking?.time ?? '');
  const [place, setPlace] = useState(booking?.place ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const book = async () => {
    if (!date) return setError('Enter the date of the first session, like 25/11/2026.');
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return setError('Enter the time of the first session, like 14:30.');
    setBusy(true);
    setError(null);
    try {
      await call('referrals:bookFirstSession', { studentId, booking: { date, time, place } });
      notifySaved('First session booked.');
      setEditing(false);
      await onBooked();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  if (!editing && booking) {
    return (
      <Paper withBorder p="md">
        <Group justify="space-between">
          <Group gap="xs">
            <IconCalendarEvent size={18} aria-hidden />
            <Text data-testid="first-session">First session booked: {describeBooking(booking)}</Text>
          </Group>
          <Button variant="subtle" onClick={() => setEditing(true)}>
            Change booking
          </Button>
        </Group>
      </Paper>
    );
  }

  return (
    <Paper withBorder p="md" component="form" aria-label="Book the first session" onSubmit={(e) => { e.preventDefault(); void book(); }}>
      <Title order={3} size="h5" mb="sm">
        Book the first session
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <UkDateInput label="Session date" value={date} onChange={setDate} />
        <TimePicker label="Start time" format="24h" value={time} onChange={setTime} hoursInputLabel="Hours" minutesInputLabel="Minutes" />
        <TextInput label="Place" placeholder="e.g. Library room 3, or Teams" value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={200} />
      </SimpleGrid>
      {error && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" mt="sm">
        {booking && (
          <Button variant="default" onClick={() => setEditing(false)}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={busy}>
          Book first session
        </Button>
      </Group>
    </Paper>
  );
}
