import { Alert, Button, Code, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { defaultServiceAgreementTemplate } from '../../../../shared/schemas/settings';
import { call } from '../../app/client';
import { isApiError, notifyError, notifySaved } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { saveSettingsPart } from './saveSettings';

const MAX_LENGTH = 20_000;

const PLACEHOLDERS: { name: string; meaning: string }[] = [
  { name: 'academicYear', meaning: 'the academic year, like 2026/27' },
  { name: 'studentName', meaning: 'the name the student prefers (or their first name)' },
  { name: 'studentFullName', meaning: 'the student’s full name' },
  { name: 'mentorName', meaning: 'your name' },
  { name: 'providerName', meaning: 'your provider' },
  { name: 'allocatedHours', meaning: 'the hours of mentoring the student has' },
  { name: 'hoursDeadline', meaning: 'the date the hours are to be used by' },
];

function TemplateForm({ initialValue }: { initialValue: string }) {
  const [saved, setSaved] = useState(initialValue);
  const [value, setValue] = useState(initialValue);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return setError('The agreement needs some wording');
    if (value.length > MAX_LENGTH) return setError(`Keep this under ${MAX_LENGTH} characters`);
    setBusy(true);
    setError(null);
    try {
      const settings = await saveSettingsPart({ serviceAgreementTemplate: value });
      setSaved(settings.serviceAgreementTemplate);
      setValue(settings.serviceAgreementTemplate);
      notifySaved('The service agreement wording was saved. New agreements use it; agreements already made keep their wording.');
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length) setError(err.issues.map((issue) => issue.message).join('; '));
      else notifyError('Wording not saved', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate>
      <Stack gap="sm">
        <Textarea
          label="Agreement wording"
          autosize
          minRows={10}
          maxRows={30}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          error={error}
        />
        <div>
          <Text size="sm" fw={500}>
            Placeholders, filled in when you make a student’s agreement:
          </Text>
          <Stack gap={2} mt={4}>
            {PLACEHOLDERS.map(({ name, meaning }) => (
              <Text size="sm" key={name}>
                <Code>{`{{${name}}}`}</Code> {meaning}
              </Text>
            ))}
          </Stack>
        </div>
        <Group justify="space-between">
          <Button variant="default" onClick={() => setValue(defaultServiceAgreementTemplate)}>
            Reset to our default wording
          </Button>
          <Button type="submit" loading={busy} disabled={value === saved && !error}>
            Save agreement wording
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ServiceAgreementTemplate() {
  const settings = useLoad(() => call('settings:get', {}));
  if (settings.error) {
    return (
      <Alert color="red" title="Could not load the agreement wording">
        {settings.error}
      </Alert>
    );
  }
  if (!settings.data) return <Loader size="sm" aria-label="Loading" />;
  return <TemplateForm initialValue={settings.data.serviceAgreementTemplate} />;
}
