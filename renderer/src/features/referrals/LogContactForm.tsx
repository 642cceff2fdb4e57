import { Paper, Select, SimpleGrid, Textarea, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import dayjs from 'dayjs';
import { useState } from 'react';
import {
  ContactMethod,
  ContactOutcome,
  contactMethodLabels,
  contactOutcomeLabels,
} from '../../../../shared/schemas/referral';
import type { PreferredContact } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { describeError, notifySaved } from '../../app/feedback';
import { FormActions } from '../../components/FormActions';

const METHODS = ContactMethod.options.map((value) => ({ value, label: contactMethodLabels[value] }));
const OUTCOMES = ContactOutcome.options.map((value) => ({ value, label: contactOutcomeLabels[value] }));
const nowValue = () => dayjs().format('YYYY-MM-DD HH:mm:00');

interface LogContactFormProps {
  studentId: string;
  preferred: PreferredContact;
  onLogged(): Promise<void>;
}

/** One contact attempt, successful or not; the time defaults to now and can be moved back. */
export function LogContactForm({ studentId, preferred, onLogged }: LogContactFormProps) {
  const [method, setMethod] = useState<string | null>(preferred);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [when, setWhen] = useState<string | null>(nowValue);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const log = async () => {
    if (!method) return setError('Choose how you contacted the student.');
    if (!outcome) return setError('Choose what happened: for example “Spoke with the student” or “No answer”.');
    if (!when) return setError('Enter when the contact happened.');
    const at = dayjs(when).valueOf();
    if (at > Date.now() + 5 * 60_000) return setError('That time is in the future. Log a contact once it has happened.');
    setBusy(true);
    setError(null);
    try {
      await call('referrals:logContact', {
        studentId,
        contact: { at, method: method as ContactMethod, outcome: outcome as ContactOutcome, note },
      });
      notifySaved('Contact logged.');
      setOutcome(null);
      setNote('');
      setWhen(nowValue());
      await onLogged();
    } catch (err) {
      // Everything typed stays in the form, so the mentor can try again.
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="form" aria-label="Log a contact" onSubmit={(e) => { e.preventDefault(); void log(); }}>
      <Title order={3} size="h5" mb="sm">
        Log a contact
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select label="Method" data={METHODS} value={method} onChange={setMethod} allowDeselect={false} />
        <Select label="Outcome" data={OUTCOMES} value={outcome} onChange={setOutcome} placeholder="Choose…" />
        <DateTimePicker
          label="When"
          value={when}
          onChange={setWhen}
          valueFormat="DD/MM/YYYY HH:mm"
          popoverProps={{ withinPortal: true }}
        />
      </SimpleGrid>
      <Textarea mt="sm" label="Note" description="Optional: what was said or agreed" autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} />
      <FormActions error={error} busy={busy} submitLabel="Log contact" />
    </Paper>
  );
}
