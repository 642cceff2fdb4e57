import { Button, Fieldset, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { Funding, fundingLabels, type PreferredContact } from '../../../../shared/schemas/student';
import { UkDateInput } from '../../components/UkDateInput';
import type { ExtractedFields } from '../referrals/applyExtraction';
import type { StudentField, StudentFormApi } from './studentFormModel';

const FUNDING_OPTIONS = Funding.options.map((value) => ({ value, label: fundingLabels[value] }));
const CONTACT_OPTIONS: { value: PreferredContact; label: string }[] = [
  { value: 'email', label: 'By email' },
  { value: 'phone', label: 'By phone call' },
  { value: 'text', label: 'By text message' },
];

/** The exact words the issue and the backend use, so the reason reads the same everywhere. */
export const SUPPORT_NEEDS_NEED_CONSENT = 'Record the student’s consent to keep health and disability information first.';

export interface SupportNeedsRule {
  /** False while no consent is in force: the field is shown but cannot be edited or saved. */
  editable: boolean;
  /** Why it is locked, or what happens to what it shows. */
  note?: ReactNode;
}

interface StudentFormFieldsProps {
  form: StudentFormApi;
  supportNeeds: SupportNeedsRule;
  /** Fields filled from a pasted referral email, highlighted for the mentor to check. */
  extracted?: ExtractedFields;
  /** Support needs read from the referral email, offered once consent allows keeping them. */
  needsFromReferral?: string | undefined;
  autoFocus?: boolean;
}

export function StudentFormFields({ form, supportNeeds, extracted = {}, needsFromReferral, autoFocus = false }: StudentFormFieldsProps) {
  // Extracted fields get a tinted box (orange for a guess) and say where they came from, instead of their usual hint.
  const field = (path: StudentField, description?: ReactNode) => {
    const from = extracted[path];
    const tint = from?.sure ? 'yellow' : 'orange';
    return {
      ...form.getInputProps(path),
      description: from?.note ?? description,
      ...(from
        ? {
            'data-extracted': from.sure ? 'true' : 'guess',
            styles: { input: { backgroundColor: `var(--mantine-color-${tint}-0)`, borderColor: `var(--mantine-color-${tint}-6)` } },
          }
        : {}),
    };
  };
  const offerNeeds = supportNeeds.editable && !!needsFromReferral && form.values.supportNeeds.trim() === '';
  const hoursDeadline = form.getInputProps('hoursDeadline');

  return (
    <Stack gap="md">
      <Fieldset legend="About the student">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Full name" withAsterisk autoComplete="off" data-autofocus={autoFocus || undefined} {...field('fullName')} />
          <TextInput label="Preferred name" autoComplete="off" {...field('preferredName', 'What they like to be called')} />
          <TextInput label="Pronouns" autoComplete="off" placeholder="e.g. she/her" {...field('pronouns')} />
          <TextInput label="Student number" autoComplete="off" {...field('studentNumber', 'The student ID their institution gives')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Studies and funding">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Institution" autoComplete="off" {...field('institution')} />
          <TextInput label="Course" autoComplete="off" {...field('course')} />
          <TextInput label="Year of study" autoComplete="off" placeholder="e.g. Year 2" {...field('yearOfStudy')} />
          <Select label="Funding" data={FUNDING_OPTIONS} allowDeselect={false} {...field('funding')} />
          <NumberInput
            label="Allocated support hours"
            min={0}
            max={2000}
            decimalScale={2}
            placeholder="Not known yet"
            {...field('allocatedHours')}
          />
          <UkDateInput
            label="Hours to be used by"
            {...field('hoursDeadline', 'The date the allocated hours expire')}
            value={String(hoursDeadline.value ?? '')}
            onChange={(value) => form.setFieldValue('hoursDeadline', value)}
            clearable
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Contact details">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Email" type="email" autoComplete="off" {...field('email')} />
          <TextInput label="Phone" type="tel" autoComplete="off" {...field('phone', 'UK number, or international with its country code')} />
        </SimpleGrid>
        <Radio.Group label="Preferred contact method" mt="sm" {...form.getInputProps('preferredContact')}>
          <Group mt={6}>
            {CONTACT_OPTIONS.map((option) => (
              <Radio key={option.value} value={option.value} label={option.label} />
            ))}
          </Group>
        </Radio.Group>
      </Fieldset>

      <Fieldset legend="Emergency contact">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Emergency contact name" autoComplete="off" {...field('emergencyContact.name')} />
          <TextInput label="Relationship" autoComplete="off" placeholder="e.g. parent" {...field('emergencyContact.relationship')} />
          <TextInput label="Emergency contact phone" type="tel" autoComplete="off" {...field('emergencyContact.phone')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Support and notes">
        <Stack gap="sm">
          <Textarea
            label="Support needs"
            autosize
            minRows={3}
            maxRows={12}
            // An extracted value keeps the rule's note: where it is kept matters more than where it came from.
            {...field('supportNeeds')}
            description={supportNeeds.note ?? extracted.supportNeeds?.note}
            disabled={!supportNeeds.editable}
            // Text shown but not kept (from a referral email) must still be readable.
            styles={supportNeeds.editable ? undefined : { input: { opacity: 1, color: 'var(--mantine-color-gray-7)' } }}
          />
          {offerNeeds && (
            <Group gap="xs">
              <Button variant="light" size="xs" onClick={() => form.setFieldValue('supportNeeds', needsFromReferral ?? '')}>
                Use the support needs from the referral email
              </Button>
              <Text size="xs" c="dimmed">
                “{(needsFromReferral ?? '').slice(0, 80)}{(needsFromReferral ?? '').length > 80 ? '…' : ''}”
              </Text>
            </Group>
          )}
          <Textarea label="Mentor notes" autosize minRows={3} maxRows={16} {...field('mentorNotes', 'Your own working notes')} />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
