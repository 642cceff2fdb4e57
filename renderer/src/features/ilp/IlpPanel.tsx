import { Alert, Button, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCalendarCheck, IconFileExport, IconPencil, IconPlayerPlay, IconSignature } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { currentVersion, isFrozen, missingRoles } from '../../../../shared/domain/signing';
import { ILP_SIGNERS, type IlpContent, type LearningPlan } from '../../../../shared/schemas/ilp';
import { signerRoleLabels } from '../../../../shared/schemas/signature';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { notifyDone, notifyError } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useStartSigning } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { SignatureList } from '../agreements/AgreementDocument';
import { AgreementStateBadge } from '../agreements/AgreementStateBadge';
import { EarlierVersions } from './EarlierVersions';
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
  const [starting, setStarting] = useState(false);

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
    const start = async () => {
      setStarting(true);
      try {
        await call('ilp:start', { studentId: student.id });
        await loaded.reload();
      } catch (err) {
        notifyError('Learning plan not started', err);
      } finally {
        setStarting(false);
      }
    };
    return (
      <Stack gap="sm" maw={640}>
        <Text>
          Agree with {student.preferredName || student.fullName} what they are good at, what gets in the way of their learning, and a few goals to work
          towards, each with how you will both know it is met and the strategies you will use. You both sign the plan, and review it together.
        </Text>
        <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void start()} loading={starting} w="fit-content">
          Start the learning plan
        </Button>
      </Stack>
    );
  }
  return <LoadedPlan student={student} plan={plan} strategies={strategies} onChanged={loaded.reload} />;
}

function LoadedPlan({ student, plan, strategies, onChanged }: { student: Student; plan: LearningPlan; strategies: string[]; onChanged(): Promise<void> }) {
  const startSigning = useStartSigning();
  const [amending, setAmending] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [dirty, setDirty] = useState(false);
  const onDirtyChange = useCallback((d: boolean) => setDirty(d), []);
  const versions = plan.record.versions;
  const current = currentVersion(plan.record);
  const content = current.content as IlpContent;
  const missing = missingRoles(current, ILP_SIGNERS);
  const frozen = isFrozen(current);
  const editing = !frozen || amending;
  const amendment = current.amends !== null;

  const exportPdf = async () => {
    setExporting(true);
    try {
      const { path } = await call('ilp:exportPdf', { studentId: student.id });
      notifyDone('PDF exported', `Saved to ${path}`);
    } catch (err) {
      notifyError('PDF not exported', err);
    } finally {
      setExporting(false);
    }
  };
  const saveFirst = dirty ? 'Save your changes first' : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2} size="h3">
            Individual Learning Plan
          </Title>
          <Group gap="xs">
            <AgreementStateBadge complete={missing.length === 0} testId="ilp-state" />
            <Text size="sm" c="dimmed" data-testid="ilp-version">
              {amendment ? `Amendment ${versions.length - 1}` : 'Original version'}, written {formatDateTime(current.createdAt)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {frozen && !amending && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setAmending(true)}>
              Make an amendment
            </Button>
          )}
          <Tooltip label={saveFirst} disabled={!saveFirst}>
            <Button variant="default" leftSection={<IconCalendarCheck size={16} />} onClick={() => setReviewing(true)} disabled={dirty}>
              Record a review…
            </Button>
          </Tooltip>
          <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => void exportPdf()} loading={exporting}>
            Export PDF
          </Button>
        </Group>
      </Group>

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

      {missing.length > 0 && (
        <Group gap="xs">
          {missing.map((role) => (
            <Button
              key={role}
              leftSection={<IconSignature size={16} />}
              disabled={dirty || content.goals.length === 0}
              onClick={() => startSigning({ studentId: student.id, document: { kind: 'ilp' }, role })}
            >
              Sign as {signerRoleLabels[role].toLowerCase()}…
            </Button>
          ))}
          <Text size="sm" c="dimmed">
            {dirty
              ? 'Save your changes before signing: the signature covers the plan as saved.'
              : content.goals.length === 0
                ? 'Add at least one goal before signing.'
                : 'Signing shows only this plan on screen; leaving it asks for your passphrase.'}
          </Text>
        </Group>
      )}

      <EarlierVersions versions={versions.slice(0, -1)} />

      <ReviewModal studentId={student.id} content={content} frozen={frozen} opened={reviewing} onClose={() => setReviewing(false)} onSaved={onChanged} />
    </Stack>
  );
}
