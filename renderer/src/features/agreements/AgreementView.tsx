import { Accordion, Alert, Button, Group, List, Loader, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconFileExport, IconPencil, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { currentVersion, isFrozen, missingRoles } from '../../../../shared/domain/signing';
import { AGREEMENT_SIGNERS, type ServiceAgreement } from '../../../../shared/schemas/agreement';
import { signerRoleLabels } from '../../../../shared/schemas/signature';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { formatDate, formatDateTime } from '../../app/format';
import { useStartSigning } from '../../app/navigation';
import { useExport } from '../../app/useExport';
import { useLoad } from '../../app/useLoad';
import { AgreementText, SignatureList } from './AgreementDocument';
import { AgreementStateBadge } from './AgreementStateBadge';
import { changeLabel, signedByText, unfilledGaps } from './agreementText';

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
  const earlier = versions.slice(0, -1);
  const amendment = current.amends !== null;

  const exporter = useExport();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Button variant="subtle" size="compact-sm" onClick={onBack} w="fit-content" px={0}>
            ← All agreements
          </Button>
          <Title order={2} size="h3">
            Service agreement {agreement.academicYear}
          </Title>
          <Group gap="xs">
            <AgreementStateBadge complete={missing.length === 0} testId="agreement-state" />
            <Text size="sm" c="dimmed">
              {amendment ? `Amendment ${versions.length - 1}` : 'Original version'}, written {formatDateTime(current.createdAt)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {!editing && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
              Edit text
            </Button>
          )}
          <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => void exporter.run(() => call('agreements:exportPdf', { studentId, agreementId: agreement.id }))} loading={exporter.busy}>
            Export PDF
          </Button>
        </Group>
      </Group>

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

      {missing.length > 0 && !editing && (
        <Group gap="xs">
          {missing.map((role) => (
            <Button
              key={role}
              leftSection={<IconSignature size={16} />}
              onClick={() => startSigning({ studentId, document: { kind: 'agreement', agreementId: agreement.id }, role })}
            >
              Sign as {signerRoleLabels[role].toLowerCase()}…
            </Button>
          ))}
          <Text size="sm" c="dimmed">
            Signing shows only this agreement on screen; leaving it asks for your passphrase.
          </Text>
        </Group>
      )}

      {earlier.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Earlier versions, kept on file
          </Title>
          <Accordion variant="separated" multiple data-testid="earlier-versions">
            {earlier
              .map((version, index) => ({ version, index }))
              .reverse()
              .map(({ version, index }) => (
                <Accordion.Item key={index} value={String(index)}>
                  <Accordion.Control>
                    {index === 0 ? 'Original version' : `Amendment ${index}`} · signed by {signedByText(version.signatures.map((s) => s.role)).toLowerCase()}{' '}
                    · {formatDate(version.createdAt)}
                  </Accordion.Control>
                  <Accordion.Panel>
                    <Stack gap="sm">
                      {version.changes.length > 0 && (
                        <div>
                          <Text size="sm" fw={500}>
                            Changed from the version before:
                          </Text>
                          <List size="sm">
                            {version.changes.map((change) => (
                              <List.Item key={change.path}>{changeLabel(change.path)}</List.Item>
                            ))}
                          </List>
                        </div>
                      )}
                      <AgreementText content={version.content} label={`${index === 0 ? 'Original version' : `Amendment ${index}`} text`} />
                      <SignatureList signatures={version.signatures} />
                    </Stack>
                  </Accordion.Panel>
                </Accordion.Item>
              ))}
          </Accordion>
        </Stack>
      )}
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
