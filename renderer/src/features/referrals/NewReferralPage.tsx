import { Alert, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { extractReferral } from '../../../../shared/domain/referral';
import { firstContactDueAt } from '../../../../shared/domain/firstContact';
import { call } from '../../app/client';
import { isApiError, notifyError, notifySaved } from '../../app/feedback';
import { formatDateTime } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { StudentFormFields, SUPPORT_NEEDS_NEED_CONSENT } from '../students/StudentFormFields';
import {
  draftFromValues,
  emptyStudentValues,
  focusFirstError,
  showIssuesOnFields,
  validateStudent,
  type StudentField,
  type StudentFormValues,
} from '../students/studentFormModel';
import { PasteReferral } from './PasteReferral';
import { applyExtraction, type ExtractedFields } from './applyExtraction';

const NEEDS_KEPT_IN_EMAIL =
  'Found in the referral email. Until the student’s consent is recorded on their profile, it is kept only in the pasted referral text, not in their record.';

/** A referral: paste the email (optional), confirm the details, and record when it arrived. */
export function NewReferralPage() {
  const navigate = useNavigate();
  const ref = useRef<HTMLFormElement>(null);
  const [pasted, setPasted] = useState('');
  const [outcome, setOutcome] = useState<{ filled: number; warnings: string[]; kept: string[] } | null>(null);
  const [filled, setFilled] = useState<ExtractedFields>({});
  const [receivedAt, setReceivedAt] = useState<string | null>(() => dayjs().format('YYYY-MM-DD HH:mm:00'));
  const [source, setSource] = useState('');
  const [referralError, setReferralError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [discarding, discardModal] = useDisclosure(false);
  // No consent can exist for a student not yet saved, so support needs are never kept in the draft.
  const form = useForm<StudentFormValues>({ initialValues: emptyStudentValues, validate: (values) => validateStudent(values, false) });

  // What the last extraction put in each field, to tell the mentor's own edits from it.
  const lastFilled = useRef<Partial<Record<StudentField, string>>>({});
  const valueOf = (field: StudentField) => String(form.getValues()[field as keyof StudentFormValues] ?? '');
  const editedByMentor = (field: StudentField) =>
    field in lastFilled.current ? valueOf(field) !== lastFilled.current[field] : form.isDirty(field);

  const extract = () => {
    const extraction = extractReferral(pasted);
    const applied = applyExtraction(form.getValues(), extraction, editedByMentor);
    form.setValues(applied.values);
    form.clearErrors();
    for (const field of Object.keys(applied.filled) as StudentField[]) {
      lastFilled.current[field] = String(applied.values[field as keyof StudentFormValues] ?? '');
    }
    setFilled((previous) => ({ ...previous, ...applied.filled }));
    setOutcome({ filled: Object.keys(applied.filled).length, warnings: extraction.warnings, kept: applied.kept });
  };

  const checkReferral = (): number | null => {
    const at = receivedAt ? dayjs(receivedAt) : null;
    const problem = !at?.isValid()
      ? 'Enter when the referral arrived, like 23/11/2026 09:30.'
      : at.valueOf() > Date.now() + 5 * 60_000
        ? 'That time is in the future. Enter when the referral email arrived.'
        : null;
    setReferralError(problem);
    return problem || !at ? null : at.valueOf();
  };

  const save = form.onSubmit(
    async (values) => {
      const at = checkReferral();
      if (at === null) return;
      setBusy(true);
      try {
        const student = await call('referrals:create', {
          student: draftFromValues(values, { keepSupportNeeds: false }),
          receivedAt: at,
          source,
          pastedText: pasted,
        });
        notifySaved(`Referral saved. First contact is due by ${formatDateTime(firstContactDueAt(at))}.`);
        navigate({ page: 'student', id: student.id, tab: 'contact' });
      } catch (err) {
        if (isApiError(err, 'INVALID_INPUT') && err.issues.length > 0) {
          const rest = showIssuesOnFields(form, err.issues, 'student.');
          if (rest.length) setReferralError(rest.map((i) => i.message).join(' '));
          focusFirstError(ref.current);
        } else {
          notifyError('Referral not saved', err);
        }
      } finally {
        setBusy(false);
      }
    },
    () => {
      checkReferral();
      focusFirstError(ref.current);
    },
  );

  const hasErrors = Object.keys(form.errors).length > 0;
  // A highlight stays only while the field still holds what the email said.
  const stillExtracted: ExtractedFields = Object.fromEntries(
    Object.entries(filled).filter(([field]) => String(form.values[field as keyof StudentFormValues] ?? '') === lastFilled.current[field as StudentField]),
  );
  const atMs = receivedAt ? dayjs(receivedAt).valueOf() : NaN;

  return (
    <Stack maw={1000} gap="lg">
      <div>
        <Title order={1}>New referral</Title>
        <Text c="dimmed">The student is added as Referred. First contact is due within 24 hours of the referral arriving.</Text>
      </div>
      <Paper withBorder p="lg" component="section">
        <Stack gap="sm">
          <Title order={2} size="h4">
            1. Paste the referral email <Text span c="dimmed" fw={400}>(optional)</Text>
          </Title>
          <PasteReferral text={pasted} onTextChange={setPasted} onExtract={extract} outcome={outcome} />
        </Stack>
      </Paper>
      <form onSubmit={save} noValidate ref={ref}>
        <Stack gap="lg">
          <Paper withBorder p="lg" component="section">
            <Title order={2} size="h4" mb="sm">
              2. Check the student’s details
            </Title>
            <StudentFormFields
              form={form}
              extracted={stillExtracted}
              supportNeeds={{ editable: false, note: form.values.supportNeeds ? NEEDS_KEPT_IN_EMAIL : SUPPORT_NEEDS_NEED_CONSENT }}
            />
          </Paper>
          <Paper withBorder p="lg" component="section">
            <Title order={2} size="h4" mb="sm">
              3. The referral
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateTimePicker
                label="Referral received"
                description={Number.isFinite(atMs) ? `First contact due by ${formatDateTime(firstContactDueAt(atMs))}` : undefined}
                value={receivedAt}
                onChange={(v) => { setReceivedAt(v); setReferralError(null); }}
                valueFormat="DD/MM/YYYY HH:mm"
                withAsterisk
                popoverProps={{ withinPortal: true }}
              />
              <TextInput label="Referred by" placeholder="e.g. needs assessor, university disability service" value={source} onChange={(e) => setSource(e.currentTarget.value)} maxLength={200} />
            </SimpleGrid>
            {referralError && (
              <Text c="red" size="sm" mt="xs" role="alert">
                {referralError}
              </Text>
            )}
          </Paper>
          {hasErrors && (
            <Alert color="red" title="Not saved yet" role="alert">
              Some details need correcting: see the highlighted fields. Everything you typed is still here.
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => (pasted.trim() || form.isDirty() ? discardModal.open() : navigate({ page: 'students' }))}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Save referral
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal opened={discarding} onClose={discardModal.close} title="Discard this referral?" centered>
        <Text size="sm">The pasted email and the details you have typed will be lost. Nothing has been saved.</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={discardModal.close} data-autofocus>
            Keep editing
          </Button>
          <Button color="red" onClick={() => navigate({ page: 'students' })}>
            Discard
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
