import { Alert, Badge, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { sessionStatus, studentMaySign, ukDayAndDate } from '../../../../shared/domain/sessionRules';
import { currentVersion, isFrozen, missingRoles } from '../../../../shared/domain/signing';
import { SESSION_SIGNERS, cancellationKindLabels, sessionModeLabels, sessionStatusLabels, type Booking, type Session } from '../../../../shared/schemas/session';
import type { SignerRole } from '../../../../shared/schemas/signature';
import { call } from '../../app/client';
import { formatDateTime } from '../../app/format';
import { useStartSigning } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { AmendButton, ExportPdfButton, SignButtons, SignatureList, signingModeNote } from '../../components/SignedRecord';
import { CancelSessionForm, type CancelResult } from './CancelSessionForm';
import { RecordSessionForm } from './RecordSessionForm';
import { SessionDocument, type GoalName } from './SessionDocument';
import { statusColors } from './SessionList';
import { sessionDrafts } from './sessionDrafts';
import { formatMinutes } from './sessionRecordModel';

interface SessionDetailProps {
  studentId: string;
  sessionId: string;
  strategies: string[];
  goals: GoalName[];
  onBack(): void;
  /** Something changed the hours or the list. */
  onChanged(): Promise<void>;
  onBookAnother(initial?: Partial<Booking>): void;
}

/** One session: its booking, then its record to fill in, sign and export, or its cancellation. */
export function SessionDetail({ studentId, sessionId, strategies, goals, onBack, onChanged, onBookAnother }: SessionDetailProps) {
  const loaded = useLoad(() => call('sessions:get', { studentId, sessionId }), [studentId, sessionId]);
  const [override, setOverride] = useState<Session | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [cancelled, setCancelled] = useState<CancelResult | null>(null);

  const back = (
    <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} w="fit-content" px={0}>
      All sessions
    </Button>
  );
  if (loaded.error) {
    return (
      <Stack gap="sm">
        {back}
        <Alert color="red" title="Could not open this session">
          {loaded.error}
        </Alert>
      </Stack>
    );
  }
  const session = override?.id === sessionId && loaded.data && override.updatedAt >= loaded.data.updatedAt ? override : loaded.data;
  if (!session) return <Loader size="sm" aria-label="Loading the session" />;

  const changed = async (next: Session) => {
    setOverride(next);
    await onChanged();
  };
  const { booking } = session;
  const status = sessionStatus(session);

  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Session on {ukDayAndDate(booking.date)} at {booking.start}
          </Title>
          <Group gap="xs">
            <Badge variant="light" color={statusColors[status]} data-testid="session-state">
              {session.cancellation ? cancellationKindLabels[session.cancellation.kind] : sessionStatusLabels[status]}
            </Badge>
            <Text size="sm" c="dimmed">
              Booked for {formatMinutes(booking.plannedMinutes)}, {sessionModeLabels[booking.mode].toLowerCase()}
              {booking.place ? `, ${booking.place}` : ''}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {session.record && <ExportPdfButton write={() => call('sessions:exportPdf', { studentId, sessionId })} />}
          {status === 'booked' && !cancelling && (
            <Button variant="default" color="red" leftSection={<IconX size={16} />} onClick={() => setCancelling(true)}>
              Cancel session…
            </Button>
          )}
        </Group>
      </Group>

      {cancelled && (
        <Alert color={cancelled.countsAgainstHours ? 'orange' : 'teal'} title={cancelled.countsAgainstHours ? 'This uses the student’s hours' : 'This does not use the student’s hours'} data-testid="cancel-result">
          <Stack gap="xs">
            <Text size="sm">{cancelled.message}</Text>
            <Group gap="xs">
              {cancelled.freeSlots.map((slot) => (
                <Button
                  key={`${slot.date}-${slot.start}`}
                  size="xs"
                  variant="light"
                  onClick={() => onBookAnother({ date: slot.date, start: slot.start, plannedMinutes: booking.plannedMinutes, mode: booking.mode, place: booking.place })}
                >
                  Book {ukDayAndDate(slot.date)} {slot.start}
                </Button>
              ))}
              <Button size="xs" leftSection={<IconCalendarPlus size={14} />} onClick={() => onBookAnother({ plannedMinutes: booking.plannedMinutes, mode: booking.mode, place: booking.place })}>
                Book another session
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}

      {session.cancellation && !cancelled && (
        <Alert color="gray" title={cancellationKindLabels[session.cancellation.kind]}>
          By the {session.cancellation.cancelledBy} on {formatDateTime(session.cancellation.at)}
          {session.cancellation.reason ? `: ${session.cancellation.reason}` : ''}.{' '}
          {session.cancellation.countsAgainstHours ? `It uses ${formatMinutes(booking.plannedMinutes)} of the student’s hours.` : 'It does not use the student’s hours.'}
        </Alert>
      )}

      {cancelling && (
        <CancelSessionForm
          studentId={studentId}
          session={session}
          onClose={() => setCancelling(false)}
          onCancelled={(result) => {
            setCancelling(false);
            setCancelled(result);
            void changed(result.session);
          }}
        />
      )}

      {!session.cancellation && !cancelling && <RecordAndSign studentId={studentId} session={session} strategies={strategies} goals={goals} onSaved={changed} />}
    </Stack>
  );
}

function RecordAndSign({ studentId, session, strategies, goals, onSaved }: { studentId: string; session: Session; strategies: string[]; goals: GoalName[]; onSaved(next: Session): Promise<void> }) {
  const startSigning = useStartSigning();
  const [amending, setAmending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const current = session.record ? currentVersion(session.record) : null;
  const frozen = current ? isFrozen(current) : false;
  const missing = current ? missingRoles(current, SESSION_SIGNERS) : [];
  const editing = !frozen || amending;
  const notYet = current ? studentMaySign(current.content, Date.now()) : null;

  const sign = (role: SignerRole) => {
    if (sessionDrafts.get(session.id)) {
      setNotice('Save the record first: a signature covers what is saved, not what is still being typed.');
      return;
    }
    setNotice(null);
    startSigning({ studentId, document: { kind: 'session', sessionId: session.id }, role });
  };

  return (
    <Stack gap="md">
      {editing ? (
        <RecordSessionForm
          // A new version from outside (a signature) starts the form again from what is on file.
          key={`${session.id}-${session.record?.versions.length ?? 0}-${frozen}`}
          studentId={studentId}
          session={session}
          strategies={strategies}
          goals={goals}
          frozen={frozen}
          onSaved={(next) => {
            setAmending(false);
            void onSaved(next);
          }}
          {...(amending ? { onCancel: () => setAmending(false) } : {})}
        />
      ) : (
        current && (
          <>
            <Group justify="flex-end">
              <AmendButton onClick={() => setAmending(true)} />
            </Group>
            <SessionDocument content={current.content} goals={goals} />
          </>
        )
      )}
      {current && (
        <>
          {current.amends !== null && (
            <Text size="sm" c="dimmed">
              Amendment {(session.record?.versions.length ?? 1) - 1}, written {formatDateTime(current.createdAt)}
            </Text>
          )}
          <SignatureList signatures={current.signatures} />
          {missing.length > 0 && (
            <Stack gap="xs">
              {notice && (
                <Alert color="orange" role="alert">
                  {notice}
                </Alert>
              )}
              <SignButtons
                missing={missing}
                onSign={sign}
                note={
                  <>
                    {signingModeNote('record')}
                    {missing.includes('student') && notYet ? ` The student can sign from the recorded end time (${current.content.actualEnd}).` : ''}
                  </>
                }
              />
            </Stack>
          )}
        </>
      )}
      {!current && (
        <Text size="sm" c="dimmed">
          Once the record is saved, the student and you sign it. The student can sign from the recorded end time.
        </Text>
      )}
    </Stack>
  );
}
