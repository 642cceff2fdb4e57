import { Alert, Button, Code, Group, Loader, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { TEMPLATE_PLACEHOLDERS } from '../../../../shared/domain/template';
import { EmailTemplate, defaultFirstContactTemplate } from '../../../../shared/schemas/settings';
import { call } from '../../app/client';
import { isApiError, notifyError, notifySaved } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { saveSettingsPart } from './saveSettings';

const PLACEHOLDER_MEANINGS: Record<(typeof TEMPLATE_PLACEHOLDERS)[number], string> = {
  studentName: 'the name the student prefers (or their first name)',
  studentFullName: 'the student’s full name',
  mentorName: 'your name',
  mentorEmail: 'your email',
  mentorPhone: 'your phone',
  providerName: 'your provider',
};

function TemplateForm({ initialValues }: { initialValues: EmailTemplate }) {
  const [busy, setBusy] = useState(false);
  const form = useForm<EmailTemplate>({ initialValues, validate: schemaResolver(EmailTemplate, { sync: true }) });

  const save = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      const saved = await saveSettingsPart({ firstContactTemplate: values });
      form.setInitialValues(saved.firstContactTemplate);
      form.setValues(saved.firstContactTemplate);
      notifySaved('The first-contact email was saved.');
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length) {
        for (const issue of err.issues) form.setFieldError(issue.path.replace(/^firstContactTemplate\./, ''), issue.message);
      } else notifyError('Email not saved', err);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <Stack gap="sm">
        <TextInput label="Subject" {...form.getInputProps('subject')} />
        <Textarea label="Message" autosize minRows={8} maxRows={24} {...form.getInputProps('body')} />
        <div>
          <Text size="sm" fw={500}>
            Placeholders, filled in for each student:
          </Text>
          <Stack gap={2} mt={4}>
            {TEMPLATE_PLACEHOLDERS.map((name) => (
              <Text size="sm" key={name}>
                <Code>{`{{${name}}}`}</Code> {PLACEHOLDER_MEANINGS[name]}
              </Text>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt={4}>
            A placeholder with nothing to fill it shows as [name] in the email, for you to fill in by hand.
          </Text>
        </div>
        <Group justify="space-between">
          <Button variant="default" onClick={() => form.setValues(defaultFirstContactTemplate)}>
            Reset to default wording
          </Button>
          <Button type="submit" loading={busy}>
            Save email
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function FirstContactEmail() {
  const settings = useLoad(() => call('settings:get', {}));
  if (settings.error) {
    return (
      <Alert color="red" title="Could not load the email">
        {settings.error}
      </Alert>
    );
  }
  if (!settings.data) return <Loader size="sm" aria-label="Loading" />;
  return <TemplateForm initialValues={settings.data.firstContactTemplate} />;
}
