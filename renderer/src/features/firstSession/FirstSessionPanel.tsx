import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { currentVersion, isFrozen, missingRoles } from '../../../../shared/domain/signing';
import { FIRST_SESSION_SIGNERS, untickedItems, type FirstSessionRecord } from '../../../../shared/schemas/firstSession';
import type { SignerRole } from '../../../../shared/schemas/signature';
import type { Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { useStartSigning } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { AmendButton, ExportPdfButton, SignButtons, SignatureList, SignedRecordHeader, StartRecord, signingModeNote } from '../../components/SignedRecord';
import { FirstSessionChecklist } from './FirstSessionChecklist';
import { FirstSessionDocument } from './FirstSessionDocument';

interface FirstSessionPanelProps {
  student: Student;
  /** Opens the student's details for correcting, from the contact-details item. */
  onEditDetails(): void;
  onOpenAgreements(): void;
}

/**
 * The first session: a guided checklist the mentor goes through with the student, saved as each
 * item is ticked, then signed by both in signing mode.
 */
export function FirstSessionPanel({ student, onEditDetails, onOpenAgreements }: FirstSessionPanelProps) {
  const loaded = useLoad(async () => {
    const [record, agreements] = await Promise.all([call('firstSession:get', { studentId: student.id }), call('agreements:list', { studentId: student.id })]);
    return { record, agreements };
  }, [student.id]);

  if (loaded.error) {
    return (
      <Alert color="red" title="Could not load the first session record">
        {loaded.error}
      </Alert>
    );
  }
  if (!loaded.data) return <Loader size="sm" aria-label="Loading the first session record" />;

  const { record, agreements } = loaded.data;
  if (!record) {
    return (
      <StartRecord
        intro={
          <>
            Go through the first meeting with {student.preferredName || student.fullName} item by item: your mentoring guidelines, confidentiality,
            what mentoring is not, their expectations, strengths and challenges, contact details and the service agreement. Each tick is saved with
            the time; at the end you both sign.
          </>
        }
        label="Start the first session record"
        failedTitle="First session record not started"
        start={async () => {
          await call('firstSession:start', { studentId: student.id });
          await loaded.reload();
        }}
      />
    );
  }
  return (
    <LoadedRecord
      student={student}
      record={record}
      agreementYears={agreements.filter((a) => a.complete).map((a) => a.academicYear)}
      onEditDetails={onEditDetails}
      onOpenAgreements={onOpenAgreements}
      onChanged={loaded.reload}
    />
  );
}

function LoadedRecord({
  student,
  record,
  agreementYears,
  onEditDetails,
  onOpenAgreements,
  onChanged,
}: FirstSessionPanelProps & { record: FirstSessionRecord; agreementYears: string[]; onChanged(): Promise<void> }) {
  const startSigning = useStartSigning();
  const [amending, setAmending] = useState(false);
  const [confirmRole, setConfirmRole] = useState<SignerRole | null>(null);
  const current = currentVersion(record.record);
  const missing = missingRoles(current, FIRST_SESSION_SIGNERS);
  const frozen = isFrozen(current);
  const editing = !frozen || amending;
  const unticked = untickedItems(current.content);

  const sign = (role: SignerRole) => {
    setConfirmRole(null);
    startSigning({ studentId: student.id, document: { kind: 'firstSession' }, role });
  };

  return (
    <Stack gap="md">
      <SignedRecordHeader title="First session record" record={record.record} complete={missing.length === 0} stateTestId="first-session-state" createdVerb="started">
        {frozen && !amending && <AmendButton onClick={() => setAmending(true)} />}
        <ExportPdfButton write={() => call('firstSession:exportPdf', { studentId: student.id })} />
      </SignedRecordHeader>

      {editing ? (
        <>
          {frozen && (
            <Alert color="blue" title="This version is signed">
              Your first change makes an amendment that both of you sign again; the signed version stays on file as it was signed.
            </Alert>
          )}
          {/* Not keyed by version: a save must never reset what the mentor is still typing. */}
          <FirstSessionChecklist
            student={student}
            record={record}
            agreementYears={agreementYears}
            onEditDetails={onEditDetails}
            onOpenAgreements={onOpenAgreements}
            onSaved={async () => {
              setAmending(false);
              await onChanged();
            }}
          />
        </>
      ) : (
        <FirstSessionDocument content={current.content} />
      )}

      <SignatureList signatures={current.signatures} />

      <SignButtons missing={missing} onSign={(role) => (unticked.length > 0 ? setConfirmRole(role) : sign(role))} note={signingModeNote('record')} />

      <Modal opened={confirmRole !== null} onClose={() => setConfirmRole(null)} title="Some items are not ticked">
        <Stack gap="sm">
          <Text size="sm">These items are not ticked, and the signed record will show them unticked:</Text>
          <List size="sm">
            {unticked.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirmRole(null)}>
              Go back and tick them
            </Button>
            <Button onClick={() => confirmRole && sign(confirmRole)}>Sign anyway</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
