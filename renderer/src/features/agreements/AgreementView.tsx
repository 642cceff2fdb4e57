import { Alert, Button, Group, List, Loader, Stack, Text, Textarea } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { currentVersion, isFrozen, missingRoles } from '../../../../shared/domain/signing';
import { AGREEMENT_SIGNERS, type ServiceAgreement } from '../../../../shared/schemas/agreement';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { useStartSigning } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { EarlierVersions, ExportPdfButton, SignButtons, SignatureList, SignedRecordHeader, signingModeNote } from '../../components/SignedRecord';
import { AgreementText } from './AgreementDocument';
import { changeLabel, unfilledGaps } from './agreementText';

interface AgreementViewProps {
  studentId: string;
  agreementId: string;
  onBack(): void;
  onChanged(): void | Promise<void>;
}

/** One agreement: its current version, who signed it, its earlier versions, and what can be done with it. */
export function AgreementView({ studentId, agreementId, onBack, onChanged }: AgreementViewProps) {
  const agreement = useLoad(() => call('agreements:get', { studentId, agreementId }), [studentId, agreementId]);
  if (agreement.error) {
    return (
      <Alert color="red" title="Could not open this agreement">
        {agreement.error}
        <Group mt="sm" gap="xs">
          <Button size="xs" variant="light" onClick={() => void agreement.reload()}>
            Try again
          </Button>
          <Button size="xs" variant="subtle" onClick={onBack}>
            All agreements
          </Button>
        </Group>
      </Alert>
    );
  }
  if (!agreement.data) return <Loader size="sm" aria-label="Loading agreement" />;
  return (
    <LoadedAgreement
      studentId={studentId}
      agreement={agreement.data}
      onBack={onBack}
      onUpdated={async () => {
        await Promise.all([agreement.reload(), onChanged()]);
      }}
    />
  );
}

function LoadedAgreement({
  studentId,
  agreement,
  onBack,
  onUpdated,
}: {
  studentId: string;
  agreement: ServiceAgreement;
  onBack(): void;
  onUpdated(): Promise<void>;
}) {
  const startSigning = useStartSigning();
  const [editing, setEditing] = useState(false);
  const versions = agreement.record.versions;
  const current = currentVersion(agreement.record);
  const missing = missingRoles(current, AGREEMENT_SIGNERS);
  const amendment = current.amends !== null;

  return (
    <Stack gap="md">
      <SignedRecordHeader
        title={`Service agreement ${agreement.academicYear}`}
        record={agreement.record}
        complete={missing.length === 0}
        stateTestId="agreement-state"
        createdVerb="written"
        above={
          <Button variant="subtle" size="compact-sm" onClick={onBack} w="fit-content" px={0}>
            ← All agreements
          </Button>
        }
      >
        {!editing && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
            Edit text
          </Button>
        )}
        <ExportPdfButton write={() => call('agreements:exportPdf', { studentId, agreementId: agreement.id })} />
      </SignedRecordHeader>

      {amendment && current.changes.length > 0 && (
        <Text size="sm">
          This amendment changes: {current.changes.map((change) => changeLabel(change.path)).join(', ')}.
        </Text>
      )}

      {editing ? (
        <EditText
          studentId={studentId}
          agreement={agreement}
          onDone={async (saved) => {
            setEditing(false);
            if (saved) await onUpdated();
          }}
        />
      ) : (
        <AgreementText content={current.content} />
      )}

      <SignatureList signatures={current.signatures} />

      {missing.length > 0 && !editing && unfilledGaps(current.content.text).length > 0 && (
        <Alert color="orange" title="Gaps to fill before signing">
          The wording still has {unfilledGaps(current.content.text).map((gap) => `[${gap}]`).join(', ')}: the student’s record had no value for
          it when the agreement was made. Edit the text, or fill in the student’s details and make the agreement again.
        </Alert>
      )}

      {!editing && (
        <SignButtons
          missing={missing}
          onSign={(role) => startSigning({ studentId, document: { kind: 'agreement', agreementId: agreement.id }, role })}
          note={signingModeNote('agreement')}
        />
      )}

      <EarlierVersions
        versions={versions.slice(0, -1)}
        renderChanges={(changes) => (
          <div>
            <Text size="sm" fw={500}>
              Changed from the version before:
            </Text>
            <List size="sm">
              {changes.map((change) => (
                <List.Item key={change.path}>{changeLabel(change.path)}</List.Item>
              ))}
            </List>
          </div>
        )}
        renderContent={(content, name) => <AgreementText content={content} label={`${name} text`} />}
      />
    </Stack>
  );
}

function EditText({
  studentId,
  agreement,
  onDone,
}: {
  studentId: string;
  agreement: ServiceAgreement;
  onDone(saved: boolean): Promise<void>;
}) {
  const current = currentVersion(agreement.record);
  const frozen = isFrozen(current);
  const [text, setText] = useState(current.content.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!text.trim()) {
      setError('The agreement has no text');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('agreements:edit', { studentId, agreementId: agreement.id, text });
      notifyDone('Agreement saved', frozen ? 'The amendment is waiting to be signed.' : 'The new wording is ready to sign.');
      await onDone(true);
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      {frozen ? (
        <Alert color="blue" title="This version is signed">
          Saving a change makes an amendment that must be signed again by the student and by you. The signed version stays on file, as it was
          signed.
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          Nobody has signed this version yet, so your change replaces its wording.
        </Text>
      )}
      <Textarea label="Agreement text" autosize minRows={10} maxRows={30} value={text} onChange={(e) => setText(e.currentTarget.value)} error={error} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={() => void onDone(false)} disabled={busy}>
          Cancel
        </Button>
        <Button onClick={() => void save()} loading={busy}>
          {frozen ? 'Save as an amendment' : 'Save text'}
        </Button>
      </Group>
    </Stack>
  );
}
