import { ActionIcon, Alert, Button, Group, Loader, SegmentedControl, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { TimeInput } from '@mantine/dates';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { WEEKDAY_NAMES } from '../../../../shared/domain/sessionRules';
import { Availability as AvailabilitySchema, type Availability as AvailabilityValue, type TimeRange } from '../../../../shared/schemas/session';
import { call } from '../../app/client';
import { notifyError, notifySaved } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { UkDateInput } from '../../components/UkDateInput';
import { DAYS, NEW_RANGE, toAvailability, toAvailabilityValues, validate, type AvailabilityValues as Values } from './availabilityForm';
import { saveSettingsPart } from './saveSettings';

function Ranges({ form, path, ranges, label }: { form: UseFormReturnType<Values>; path: string; ranges: TimeRange[]; label: string }) {
  return (
    <Stack gap={6}>
      {ranges.length === 0 && (
        <Text size="sm" c="dimmed" mt={6}>
          Not available
        </Text>
      )}
      {ranges.map((_, i) => (
        <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
          <TimeInput aria-label={`${label}: from (${i + 1})`} w={110} {...form.getInputProps(`${path}.${i}.start`)} />
          <Text mt={6} aria-hidden>
            –
          </Text>
          <TimeInput aria-label={`${label}: until (${i + 1})`} w={110} {...form.getInputProps(`${path}.${i}.end`)} />
          <Tooltip label="Remove these hours">
            <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Remove ${label} hours ${i + 1}`} onClick={() => form.removeListItem(path, i)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      ))}
      <Button variant="subtle" size="compact-sm" w="fit-content" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem(path, { ...NEW_RANGE })} aria-label={`Add hours on ${label}`}>
        Add hours
      </Button>
    </Stack>
  );
}

function AvailabilityForm({ initial }: { initial: AvailabilityValue }) {
  const [busy, setBusy] = useState(false);
  const form = useForm<Values>({ initialValues: toAvailabilityValues(initial), validate });

  const save = form.onSubmit(async (values) => {
    const availability = toAvailability(values);
    if (!AvailabilitySchema.safeParse(availability).success) return;
    setBusy(true);
    try {
      const saved = await saveSettingsPart({ availability });
      form.setValues(toAvailabilityValues(saved.availability));
      form.resetDirty(toAvailabilityValues(saved.availability));
      notifySaved('Your availability was saved. The week page and the availability email use it from now on.');
    } catch (err) {
      notifyError('Availability not saved', err);
    } finally {
      setBusy(false);
    }
  });

  return (
    <form onSubmit={save} noValidate aria-label="Your availability">
      <Stack gap="md">
        <Table layout="fixed" aria-label="Your usual week" verticalSpacing="xs">
          <Table.Tbody>
            {DAYS.map((d) => (
              <Table.Tr key={d}>
                <Table.Th w={130} style={{ verticalAlign: 'top', paddingTop: 14 }}>
                  {WEEKDAY_NAMES[Number(d) - 1]}
                </Table.Th>
                <Table.Td>
                  <Ranges form={form} path={`weekly.${d}`} ranges={form.values.weekly[d]} label={WEEKDAY_NAMES[Number(d) - 1]!} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>

        <Stack gap="xs">
          <Title order={3} size="h5">
            Dates that differ
          </Title>
          <Text size="sm" c="dimmed">
            A day off, or other hours on one date. These replace your usual hours for that date.
          </Text>
          {form.values.overrides.map((o, i) => (
            <Group key={i} align="flex-start" gap="sm" wrap="nowrap" data-testid="availability-override">
              <UkDateInput
                aria-label={`Date that differs ${i + 1}`}
                w={160}
                {...form.getInputProps(`overrides.${i}.date`)}
                value={o.date}
                onChange={(v) => form.setFieldValue(`overrides.${i}.date`, v)}
              />
              <SegmentedControl
                aria-label={`Date ${i + 1}: unavailable or other hours`}
                data={[
                  { value: 'unavailable', label: 'Unavailable' },
                  { value: 'hours', label: 'Other hours' },
                ]}
                value={o.unavailable ? 'unavailable' : 'hours'}
                onChange={(v) => {
                  form.setFieldValue(`overrides.${i}.unavailable`, v === 'unavailable');
                  if (v === 'hours' && o.ranges.length === 0) form.setFieldValue(`overrides.${i}.ranges`, [{ ...NEW_RANGE }]);
                }}
              />
              {!o.unavailable && <Ranges form={form} path={`overrides.${i}.ranges`} ranges={o.ranges} label={`date ${i + 1}`} />}
              <Tooltip label="Remove this date">
                <ActionIcon variant="subtle" color="red" mt={4} ml="auto" aria-label={`Remove date ${i + 1}`} onClick={() => form.removeListItem('overrides', i)}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Button
            variant="subtle"
            size="compact-sm"
            w="fit-content"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => form.insertListItem('overrides', { date: '', unavailable: true, ranges: [] })}
          >
            Add a date
          </Button>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!form.isDirty()}>
            Save availability
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** When the mentor can see students: the usual week, and dates that differ. */
export function Availability() {
  const settings = useLoad(() => call('settings:get', {}));
  if (settings.error) {
    return (
      <Alert color="red" title="Could not load your availability">
        {settings.error}
      </Alert>
    );
  }
  if (!settings.data) return <Loader size="sm" aria-label="Loading your availability" />;
  return <AvailabilityForm initial={settings.data.availability} />;
}
