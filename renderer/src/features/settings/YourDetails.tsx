import { Alert, Button, Group, Loader, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState } from 'react';
import { Region, Settings } from '../../../../shared/schemas/settings';
import { call } from '../../app/client';
import { isApiError, notifyError, notifySaved } from '../../app/feedback';
import { useSession } from '../../app/session';
import { useLoad } from '../../app/useLoad';
import { saveSettingsPart } from './saveSettings';

const REGIONS: { value: Region; label: string }[] = [
  { value: 'england-and-wales', label: 'England and Wales' },
  { value: 'scotland', label: 'Scotland' },
  { value: 'northern-ireland', label: 'Northern Ireland' },
];

// NumberInput reports '' while the box is empty; the schema only knows numbers.
type DetailsValues = Omit<Settings, 'autoLockMinutes'> & { autoLockMinutes: number | string };
const checkSettings = schemaResolver(Settings, { sync: true });
const validate = (values: DetailsValues) =>
  typeof values.autoLockMinutes === 'number' ? checkSettings(values) : { autoLockMinutes: 'Enter a number of minutes, like 10' };

function DetailsForm({ initialValues }: { initialValues: Settings }) {
  const { refreshStatus } = useSession();
  const [busy, setBusy] = useState(false);
  const form = useForm<DetailsValues>({ initialValues, validate, validateInputOnBlur: true });

  const save = form.onSubmit(async (values) => {
    if (typeof values.autoLockMinutes !== 'number') return;
    setBusy(true);
    try {
      const { mentorName, providerName, mentorEmail, mentorPhone, coordinatorEmail, region } = values;
      const saved = await saveSettingsPart({ mentorName, providerName, mentorEmail, mentorPhone, coordinatorEmail, region, autoLockMinutes: values.autoLockMinutes });
      form.setInitialValues(saved);
      form.setValues(saved);
      notifySaved('Your details were saved.');
      // The lock timer is part of the vault's status; let the rest of the app see the new value.
      await refreshStatus();
    } catch (err) {
      if (isApiError(err, 'INVALID_INPUT') && err.issues.length > 0) {
        for (const issue of err.issues) form.setFieldError(issue.path, issue.message);
      } else {
        notifyError('Details not saved', err);
      }
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={save} noValidate>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <TextInput label="Your name" autoComplete="off" {...form.getInputProps('mentorName')} />
        <TextInput label="Provider name" autoComplete="off" {...form.getInputProps('providerName')} />
        <TextInput label="Your email" type="email" autoComplete="off" {...form.getInputProps('mentorEmail')} />
        <TextInput label="Your phone" type="tel" autoComplete="off" description="Offered to students in the first-contact email" {...form.getInputProps('mentorPhone')} />
        <TextInput label="Coordinator’s email" type="email" autoComplete="off" description="Your weekly availability email goes to this address" {...form.getInputProps('coordinatorEmail')} />
        <Select label="Region" data={REGIONS} allowDeselect={false} {...form.getInputProps('region')} />
        <NumberInput
          label="Lock after (minutes idle)"
          description="Mentor Desk locks itself after this long without activity."
          min={1}
          max={240}
          allowDecimal={false}
          {...form.getInputProps('autoLockMinutes')}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={busy}>
          Save details
        </Button>
      </Group>
    </form>
  );
}

export function YourDetails() {
  const settings = useLoad(() => call('settings:get', {}));
  if (settings.error) {
    return (
      <Alert color="red" title="Could not load your details">
        {settings.error}
      </Alert>
    );
  }
  if (!settings.data) return <Loader size="sm" aria-label="Loading your details" />;
  return <DetailsForm initialValues={settings.data} />;
}
