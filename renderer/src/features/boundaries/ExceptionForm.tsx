import { ActionIcon, Button, Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import {
  ConfidentialityExceptionInput,
  ExceptionGrounds,
  exceptionGroundsLabels,
  type ConfidentialityException,
  type BoundaryRecords,
} from '../../../../shared/schemas/boundaries';
import { todayIso } from '../../app/format';
import { UkDateInput } from '../../components/UkDateInput';
import { EntryForm } from './EntryForm';

const GROUNDS_OPTIONS = ExceptionGrounds.options.map((value) => ({ value, label: exceptionGroundsLabels[value] }));
const newPerson = () => ({ who: '', on: todayIso(), how: '' });

interface ExceptionFormProps {
  studentId: string;
  exception?: ConfidentialityException;
  onSaved(records: BoundaryRecords): void;
  onCancel(): void;
}

export function ExceptionForm({ studentId, exception, onSaved, onCancel }: ExceptionFormProps) {
  const form = useForm<ConfidentialityExceptionInput>({
    initialValues: exception
      ? { raisedOn: exception.raisedOn, grounds: exception.grounds, concern: exception.concern, informed: exception.informed, followUp: exception.followUp, closed: exception.closed }
      : { raisedOn: todayIso(), grounds: 'risk-to-self', concern: '', informed: [newPerson()], followUp: '', closed: false },
    validate: schemaResolver(ConfidentialityExceptionInput, { sync: true }),
  });

  return (
    <EntryForm
      studentId={studentId}
      title={exception ? 'Edit confidentiality exception' : 'Record a confidentiality exception'}
      form={form}
      toEntry={(entry) => ({ type: 'exception', ...(exception ? { id: exception.id } : {}), entry })}
      savedMessage={exception ? 'The confidentiality exception was updated.' : 'The confidentiality exception was recorded.'}
      submitLabel={exception ? 'Save changes' : 'Record exception'}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <UkDateInput label="Raised on" withAsterisk {...form.getInputProps('raisedOn')} value={form.values.raisedOn} onChange={(v) => form.setFieldValue('raisedOn', v)} />
        <Select label="Grounds" data={GROUNDS_OPTIONS} allowDeselect={false} withAsterisk {...form.getInputProps('grounds')} />
      </SimpleGrid>
      <Textarea autoFocus label="The concern" autosize minRows={3} maxLength={5000} withAsterisk {...form.getInputProps('concern')} />
      <Fieldset legend="Who was informed, and when" variant="filled">
        <Stack gap="xs">
          {form.values.informed.map((person, i) => (
            <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput label={`Person ${i + 1}: who`} placeholder="e.g. Disability adviser" maxLength={200} {...form.getInputProps(`informed.${i}.who`)} />
                <UkDateInput
                  label={`Person ${i + 1}: informed on`}
                  {...form.getInputProps(`informed.${i}.on`)}
                  value={person.on}
                  onChange={(v) => form.setFieldValue(`informed.${i}.on`, v)}
                />
                <TextInput label={`Person ${i + 1}: how`} placeholder="e.g. by phone" maxLength={200} {...form.getInputProps(`informed.${i}.how`)} />
              </SimpleGrid>
              <Tooltip label={`Remove person ${i + 1}`}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={26}
                  aria-label={`Remove person ${i + 1}`}
                  disabled={form.values.informed.length === 1}
                  onClick={() => form.removeListItem('informed', i)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          {typeof form.errors.informed === 'string' && (
            <Text c="red" size="sm" role="alert">
              {form.errors.informed}
            </Text>
          )}
          <Group>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={form.values.informed.length >= 20}
              onClick={() => form.insertListItem('informed', newPerson())}
            >
              Add another person
            </Button>
          </Group>
        </Stack>
      </Fieldset>
      <Textarea label="Follow-up" description="What happened next, and what is still to do" autosize minRows={2} maxLength={5000} {...form.getInputProps('followUp')} />
      <Checkbox label="Closed: followed up and nothing more to do" {...form.getInputProps('closed', { type: 'checkbox' })} />
    </EntryForm>
  );
}
