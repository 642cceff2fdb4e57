import { Alert, Button, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconCalendarCheck } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { currentVersion, isFrozen, missingRoles } from '../../../../shared/domain/signing';
import { ILP_SIGNERS, type IlpContent, type LearningPlan } from '../../../../shared/schemas/ilp';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { useStartSigning } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { AmendButton, EarlierVersions, ExportPdfButton, SignButtons, SignatureList, SignedRecordHeader, StartRecord, signingModeNote } from '../../components/SignedRecord';
import { GoalProgress } from './GoalProgress';
import { IlpDocument } from './IlpDocument';
import { IlpForm } from './IlpForm';
import { ReviewModal } from './ReviewModal';
import { changedParts } from './ilpDraft';

/**
 * The Individual Learning Plan: strengths, barriers and goals agreed with the student, signed by
 * both; reviews and later changes are amendments signed again, with the signed versions kept.
 */
export function IlpPanel({ student }: { student: Student }) {
  const loaded = useLoad(async () => {
    const [plan, settings] = await Promise.all([call('ilp:get', { studentId: student.id }), call('settings:get', {})]);
    return { plan, strategies: settings.ilpStrategies };
  }, [student.id]);

  if (loaded.error) {
    return (
      <Alert color="red" title="Could not load the learning plan">
        {loaded.error}
      </Alert>
    );
  }
  if (!loaded.data) return <Loader size="sm" aria-label="Loading the learning plan" />;

  const { plan, strategies } = loaded.data;
  if (!plan) {
    return (
      <StartRecord
        intro={
          <>
            Agree with {student.preferredName || student.fullName} what they are good at, what gets in the way of their learning, and a few goals to work
            towards, each with how you will both know it is met and the strategies you will use. You both sign the plan, and review it together.
          </>
        }
        label="Start the learning plan"
        failedTitle="Learning plan not started"
        start={async () => {
          await call('ilp:start', { studentId: student.id });
          await loaded.reload();
        }}
      />
    );
  }
  return <LoadedPlan student={student} plan={plan} strategies={strategies} onChanged={loaded.reload} />;
}

function LoadedPlan({ student, plan, strategies, onChanged }: { student: Student; plan: LearningPlan; strategies: string[]; onChanged(): Promise<void> }) {
  const startSigning = useStartSigning();
  const [amending, setAmending] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  const versions = plan.record.versions;
  const current = currentVersion(plan.record);
  const content = current.content as IlpContent;
  const missing = missingRoles(current, ILP_SIGNERS);
  const frozen = isFrozen(current);
  const editing = !frozen || amending;
  const amendment = current.amends !== null;

  const saveFirst = dirty ? 'Save your changes first' : null;

  return (
    <Stack gap="md">
      <SignedRecordHeader
        title="Individual Learning Plan"
        record={plan.record}
        complete={missing.length === 0}
        stateTestId="ilp-state"
        versionTestId="ilp-version"
        createdVerb="written"
      >
        {frozen && !amending && <AmendButton onClick={() => setAmending(true)} />}
        <Tooltip label={saveFirst} disabled={!saveFirst}>
          <Button variant="default" leftSection={<IconCalendarCheck size={16} />} onClick={() => setReviewing(true)} disabled={dirty}>
            Record a review…
          </Button>
        </Tooltip>
        <ExportPdfButton write={() => call('ilp:exportPdf', { studentId: student.id })} />
      </SignedRecordHeader>

      {amendment && current.changes.length > 0 && <Text size="sm">This amendment changes the {changedParts(current.changes.map((c) => c.path))}.</Text>}

      {editing ? (
        <>
          <GoalProgress goals={content.goals} />
          <IlpForm
            key={current.hash + versions.length}
            studentId={student.id}
            content={content}
            strategies={strategies}
            frozen={frozen}
            onDirtyChange={onDirtyChange}
            onCancel={frozen ? () => setAmending(false) : undefined}
            onSaved={async () => {
              setAmending(false);
              await onChanged();
            }}
          />
        </>
      ) : (
        <IlpDocument content={content} />
      )}

      <SignatureList signatures={current.signatures} />

      <SignButtons
        missing={missing}
        disabled={dirty || content.goals.length === 0}
        onSign={(role) => startSigning({ studentId: student.id, document: { kind: 'ilp' }, role })}
        note={
          dirty
            ? 'Save your changes before signing: the signature covers the plan as saved.'
            : content.goals.length === 0
              ? 'Add at least one goal before signing.'
              : signingModeNote('plan')
        }
      />

      <EarlierVersions
        versions={versions.slice(0, -1)}
        renderChanges={(changes) => <Text size="sm">Changed the {changedParts(changes.map((c) => c.path))}.</Text>}
        renderContent={(earlier, name) => <IlpDocument content={earlier as IlpContent} label={`${name} of the learning plan`} />}
      />

      <ReviewModal studentId={student.id} content={content} frozen={frozen} opened={reviewing} onClose={() => setReviewing(false)} onSaved={onChanged} />
    </Stack>
  );
}
