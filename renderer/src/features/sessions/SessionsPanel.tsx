import { Alert, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { currentVersion } from '../../../../shared/domain/signing';
import type { Booking, BookingWarning } from '../../../../shared/schemas/session';
import type { SignerRole } from '../../../../shared/schemas/signature';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { todayIso } from '../../app/format';
import { useLoad } from '../../app/useLoad';
import { BookSessionForm } from './BookSessionForm';
import { HoursOverview } from './HoursOverview';
import { MonthlyTimesheet } from './MonthlyTimesheet';
import { SessionDetail } from './SessionDetail';
import type { GoalName } from './SessionDocument';
import { SessionList } from './SessionList';
import { openSession } from './sessionDrafts';

/** The student's goals in the current version of their learning plan; none when there is no plan (or it cannot be read). */
export async function loadGoals(studentId: string): Promise<GoalName[]> {
  try {
    const ilp = await call('ilp:get', { studentId });
    return ilp ? currentVersion(ilp.record).content.goals.map((g) => ({ id: g.id, what: g.what })) : [];
  } catch {
    return [];
  }
}

/**
 * The Sessions tab: where the support hours stand, every session booked, and one session at a
 * time to record, sign, cancel or export. The monthly timesheet for the office is exported here.
 */
export function SessionsPanel({ student, onChanged }: { student: Student; onChanged?(): Promise<void> }) {
  const loaded = useLoad(async () => {
    const [list, settings, goals, summaries] = await Promise.all([
      call('sessions:list', { studentId: student.id }),
      call('settings:get', {}),
      loadGoals(student.id),
      // The caseload index knows the deadline after any deferral; the profile keeps the first one.
      call('students:list', {}),
    ]);
    const deadline = summaries.find((s) => s.id === student.id)?.hoursDeadline ?? student.hoursDeadline;
    // Who has signed the records still awaiting a signature (the list itself only knows the status).
    const awaiting = list.sessions.filter((s) => s.status === 'recorded');
    const signed = await Promise.all(
      awaiting.map(async (s) => {
        const full = await call('sessions:get', { studentId: student.id, sessionId: s.id });
        return [s.id, full.record ? currentVersion(full.record).signatures.map((sig) => sig.role) : []] as const;
      }),
    );
    return { ...list, deadline, strategies: settings.ilpStrategies, goals, signedBy: Object.fromEntries(signed) as Record<string, SignerRole[]> };
  }, [student.id, student.updatedAt]);
  const [openId, setOpenId] = useState<string | null>(() => openSession.get(student.id));
  const [booking, setBooking] = useState<Partial<Booking> | null>(null);
  const [bookingWarnings, setBookingWarnings] = useState<BookingWarning[]>([]);

  const open = (id: string | null) => {
    openSession.set(student.id, id);
    setOpenId(id);
    setBookingWarnings([]);
  };
  const refresh = async () => {
    await Promise.all([loaded.reload(), onChanged?.()]);
  };

  if (loaded.error) {
    return (
      <Alert color="red" title="Could not load the sessions">
        {loaded.error}
      </Alert>
    );
  }
  if (!loaded.data) return <Loader size="sm" aria-label="Loading the sessions" />;
  const { sessions, hours, deadline, strategies, goals, signedBy } = loaded.data;

  return (
    <Stack gap="lg">
      <HoursOverview hours={hours} deadline={deadline} />

      {bookingWarnings.map((w) => (
        <Alert key={w.kind} color="yellow" title={w.kind === 'short-notice' ? 'Short notice' : 'In the past'} withCloseButton onClose={() => setBookingWarnings([])} data-testid="booking-warning">
          {w.message}
        </Alert>
      ))}

      {booking ? (
        <BookSessionForm
          studentId={student.id}
          initial={booking}
          onCancel={() => setBooking(null)}
          onBooked={(result) => {
            setBooking(null);
            open(null);
            setBookingWarnings(result.warnings);
            void refresh();
          }}
        />
      ) : openId ? (
        <SessionDetail
          key={openId}
          studentId={student.id}
          sessionId={openId}
          strategies={strategies}
          goals={goals}
          onBack={() => open(null)}
          onChanged={refresh}
          onBookAnother={(initial) => setBooking(initial ?? {})}
        />
      ) : (
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end">
            <Title order={2} size="h4">
              Sessions
            </Title>
            <Group gap="md" align="flex-end">
              <MonthlyTimesheet studentId={student.id} sessionDates={sessions.map((s) => s.date)} today={todayIso()} />
              <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setBooking({})}>
                Book a session
              </Button>
            </Group>
          </Group>
          <SessionList sessions={sessions} signedBy={signedBy} onOpen={open} />
        </Stack>
      )}
    </Stack>
  );
}
