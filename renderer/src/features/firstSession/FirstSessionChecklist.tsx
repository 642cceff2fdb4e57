import { Alert, Button, Checkbox, Group, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';
import { academicYearOf } from '../../../../shared/domain/academicYear';
import { currentVersion } from '../../../../shared/domain/signing';
import { confidentialityExceptions } from '../../../../shared/schemas/handbook';
import { firstSessionTopicLabels, type FirstSessionDraft, type FirstSessionRecord, type FirstSessionTopic, type Tick } from '../../../../shared/schemas/firstSession';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { describeError } from '../../app/feedback';
import { formatDateTime, formatIsoDate } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';

interface Props {
  student: Student;
  record: FirstSessionRecord;
  agreementYears: string[];
  onEditDetails(): void;
  onOpenAgreements(): void;
  onSaved(): Promise<void>;
}

type TextField = 'expectations' | 'strengths' | 'challenges' | 'notes';

function draftOf(record: FirstSessionRecord): FirstSessionDraft {
  const c = currentVersion(record.record).content;
  return {
    heldOn: c.heldOn,
    guidelinesDone: c.guidelines.map((g) => g.tick.done),
    topics: Object.fromEntries(Object.entries(c.topics).map(([topic, tick]) => [topic, tick.done])) as FirstSessionDraft['topics'],
    expectations: c.expectations,
    strengths: c.strengths,
    challenges: c.challenges,
    notes: c.notes,
  };
}

/**
 * The checklist as the mentor works through it. Every tick saves at once (the backend stamps its
 * time); typed notes save when the field is left. Saves run one after another, newest state last.
 */
export function FirstSessionChecklist({ student, record, agreementYears, onEditDetails, onOpenAgreements, onSaved }: Props) {
  const content = currentVersion(record.record).content;
  const [draft, setDraft] = useState<FirstSessionDraft>(() => draftOf(record));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string; at?: number }>({ kind: 'idle' });
  const lastSent = useRef(JSON.stringify(draftOf(record)));
  const chain = useRef<Promise<void>>(Promise.resolve());

  const save = (next: FirstSessionDraft) => {
    setDraft(next);
    chain.current = chain.current.then(async () => {
      const body = JSON.stringify(next);
      if (body === lastSent.current) return;
      setStatus({ kind: 'saving' });
      try {
        await call('firstSession:save', { studentId: student.id, draft: next });
        lastSent.current = body;
        setStatus({ kind: 'saved', at: Date.now() });
        await onSaved();
      } catch (err) {
        setStatus({ kind: 'error', message: describeError(err) });
      }
    });
  };

  const year = academicYearOf(Date.parse(`${draft.heldOn}T12:00:00Z`));
  const agreementSigned = agreementYears.includes(year);
  const doneGuidelines = draft.guidelinesDone.filter(Boolean).length;
  const setTopic = (topic: FirstSessionTopic, done: boolean) => save({ ...draft, topics: { ...draft.topics, [topic]: done } });
  const textArea = (field: TextField, label: string, placeholder: string) => (
    <Textarea
      label={label}
      placeholder={placeholder}
      autosize
      minRows={2}
      maxRows={8}
      value={draft[field]}
      onChange={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
      onBlur={() => save(draft)}
    />
  );
  const topic = (name: FirstSessionTopic, children?: ReactNode, disabled?: string) => (
    <Paper withBorder p="sm" radius="md">
      <Stack gap="xs">
        <TickBox label={firstSessionTopicLabels[name]} done={draft.topics[name]} tick={content.topics[name]} onChange={(done) => setTopic(name, done)} disabledReason={disabled} />
        {children}
      </Stack>
    </Paper>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <UkDateInput label="Session held on" value={draft.heldOn} onChange={(heldOn) => heldOn && save({ ...draft, heldOn })} w={200} />
        <SaveStatus status={status} onRetry={() => save(draft)} />
      </Group>

      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">
            Mentoring guidelines ({doneGuidelines} of {draft.guidelinesDone.length} gone through)
          </Title>
          <Button size="xs" variant="light" onClick={() => save({ ...draft, guidelinesDone: draft.guidelinesDone.map(() => true) })} disabled={doneGuidelines === draft.guidelinesDone.length}>
            Tick all
          </Button>
        </Group>
        <Progress value={(100 * doneGuidelines) / Math.max(1, draft.guidelinesDone.length)} size="sm" aria-label="Guidelines gone through" />
        <Stack gap={6} role="group" aria-label="Mentoring guidelines">
          {content.guidelines.map((g, i) => (
            <TickBox
              key={i}
              label={`${i + 1}. ${g.text}`}
              done={draft.guidelinesDone[i] ?? false}
              tick={g.tick}
              onChange={(done) => save({ ...draft, guidelinesDone: draft.guidelinesDone.map((d, j) => (j === i ? done : d)) })}
            />
          ))}
        </Stack>
      </Stack>

      <Title order={3} size="h5">
        The first session
      </Title>
      {topic(
        'confidentiality',
        <Stack gap={2} pl={30}>
          <Text size="sm" c="dimmed">
            What you discuss stays confidential, except:
          </Text>
          {confidentialityExceptions.map((e) => (
            <Text key={e} size="sm" c="dimmed">
              • {e}
            </Text>
          ))}
        </Stack>,
      )}
      {topic('notCounselling')}
      {topic('expectations', textArea('expectations', 'What the student hopes for from mentoring', 'e.g. help planning essays; someone to check in with weekly'))}
      {topic(
        'strengths',
        <Group grow align="flex-start">
          {textArea('strengths', 'Strengths', 'What goes well, what they are good at')}
          {textArea('challenges', 'Challenges', 'What gets in the way')}
        </Group>,
      )}
      {topic(
        'contactDetails',
        <Group justify="space-between" pl={30}>
          <Text size="sm" data-testid="profile-contact-details">
            On the profile: {[student.email, student.phone].filter(Boolean).join(' · ') || 'no email or phone'}
            {student.emergencyContact.name ? ` · emergency contact ${student.emergencyContact.name}` : ' · no emergency contact'}
          </Text>
          <Button size="xs" variant="subtle" onClick={onEditDetails}>
            Correct details…
          </Button>
        </Group>,
      )}
      {topic(
        'agreement',
        !agreementSigned && (
          <Group justify="space-between" pl={30}>
            <Text size="sm" c="orange.8">
              The {year} service agreement is not signed by both of you yet.
            </Text>
            <Button size="xs" variant="subtle" onClick={onOpenAgreements}>
              Open the agreement
            </Button>
          </Group>
        ),
        agreementSigned || draft.topics.agreement ? undefined : `Sign the ${year} service agreement first`,
      )}
      {textArea('notes', 'Other notes', 'Anything else from the session')}
      <Text size="xs" c="dimmed">
        Held on {formatIsoDate(draft.heldOn)}. Changes save as you go.
      </Text>
    </Stack>
  );
}

function TickBox({ label, done, tick, onChange, disabledReason }: { label: string; done: boolean; tick: Tick; onChange(done: boolean): void; disabledReason?: string | undefined }) {
  const description = disabledReason ?? (done && tick.done && tick.at !== null ? `ticked ${formatDateTime(tick.at)}` : undefined);
  return <Checkbox label={label} checked={done} disabled={disabledReason !== undefined} onChange={(e) => onChange(e.currentTarget.checked)} description={description} />;
}

function SaveStatus({ status, onRetry }: { status: { kind: string; message?: string; at?: number }; onRetry(): void }) {
  if (status.kind === 'error') {
    return (
      <Alert color="red" title="Not saved" py="xs" role="alert">
        {status.message}{' '}
        <Button size="compact-xs" variant="light" onClick={onRetry}>
          Try again
        </Button>
      </Alert>
    );
  }
  return (
    <Text size="sm" c="dimmed" role="status" data-testid="save-status">
      {status.kind === 'saving' ? 'Saving…' : status.kind === 'saved' && status.at ? `Saved ${formatDateTime(status.at)}` : 'Changes save as you go'}
    </Text>
  );
}
