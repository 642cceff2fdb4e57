import { Alert, Group, List, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ConsentMethod, activeConsent, type Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { describeError, notifySaved } from '../../app/feedback';
import { formatDateTime, formatIsoDate, todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';
import { WithdrawConsent } from './WithdrawConsent';
import { FormActions } from '../../components/FormActions';

export const consentMethodLabels: Record<ConsentMethod, string> = {
  'signed-form': 'Signed form',
  email: 'Email',
  verbal: 'Verbally',
  'online-form': 'Online form',
};
const METHOD_OPTIONS = ConsentMethod.options.map((value) => ({ value, label: consentMethodLabels[value] }));
const DEFAULT_SCOPE = 'Keeping information about my disability, health and support needs, to provide mentoring support.';

/** Explicit consent to keep special category data (disability and health); support needs depend on it. */
export function ConsentPanel({ student, onChanged }: { student: Student; onChanged(): Promise<void> }) {
  const consent = activeConsent(student);
  const [givenOn, setGivenOn] = useState(todayIso);
  const [scope, setScope] = useState(DEFAULT_SCOPE);
  const [method, setMethod] = useState<ConsentMethod | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const record = async () => {
    if (!givenOn) return setError('Enter the date the student gave consent, like 23/11/2026.');
    if (!method) return setError('Choose how the student gave consent.');
    if (!scope.trim()) return setError('Say what the student consented to.');
    setBusy(true);
    setError(null);
    try {
      await call('students:recordConsent', { id: student.id, givenOn, scope, method });
      notifySaved('Consent recorded. You can now keep the student’s support needs.');
      setMethod(null);
      await onChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      {consent ? (
        <Alert color="teal" icon={<IconShieldCheck />} title="Consent in force">
          <Text size="sm">
            Given {formatIsoDate(consent.givenOn)} ({consentMethodLabels[consent.method].toLowerCase()}): “{consent.scope}”
          </Text>
          <Group mt="sm">
            <WithdrawConsent student={student} onWithdrawn={onChanged} />
          </Group>
        </Alert>
      ) : (
        <>
          <Alert color="yellow" title="No consent on record">
            Support needs (health and disability information) can only be kept once the student’s explicit consent is recorded here.
          </Alert>
          <Paper withBorder p="md" component="form" aria-label="Record consent" onSubmit={(e) => { e.preventDefault(); void record(); }}>
            <Title order={3} size="h5" mb="sm">
              Record consent
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <UkDateInput label="Consent given on" value={givenOn} onChange={setGivenOn} withAsterisk />
              <Select label="How it was given" data={METHOD_OPTIONS} value={method} onChange={(v) => setMethod(v as ConsentMethod | null)} placeholder="Choose…" withAsterisk />
            </SimpleGrid>
            <Textarea mt="sm" label="What the student consented to" autosize minRows={2} value={scope} onChange={(e) => setScope(e.currentTarget.value)} withAsterisk maxLength={1000} />
            <FormActions error={error} busy={busy} submitLabel="Record consent" />
          </Paper>
        </>
      )}
      {student.consents.length > 0 && (
        <div>
          <Title order={3} size="h5" mb="xs">
            Consent history
          </Title>
          <List size="sm" spacing={4}>
            {[...student.consents].reverse().map((c) => (
              <List.Item key={c.recordedAt}>
                Given {formatIsoDate(c.givenOn)} ({consentMethodLabels[c.method].toLowerCase()}), recorded {formatDateTime(c.recordedAt)}
                {c.withdrawnOn ? `; withdrawn ${formatIsoDate(c.withdrawnOn)}` : '; in force'}
              </List.Item>
            ))}
          </List>
        </div>
      )}
    </Stack>
  );
}
