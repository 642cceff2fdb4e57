import { ActionIcon, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import type { GoalStatus, IlpDraft } from '../../../../shared/schemas/ilp';
import { UkDateInput } from '../../components/UkDateInput';
import { GoalStatusBadge } from './GoalProgress';
import { GOAL_STATUS_OPTIONS, strategyOptions } from './ilpDraft';

interface GoalFieldsProps {
  form: UseFormReturnType<IlpDraft>;
  index: number;
  strategies: readonly string[];
  onRemove(): void;
}

/** One goal as the mentor sets it: what, why, how it will be measured, by when, how, and where it stands. */
export function GoalFields({ form, index, strategies, onRemove }: GoalFieldsProps) {
  const path = `goals.${index}` as const;
  const goal = form.values.goals[index];
  if (!goal) return null;
  const n = index + 1;
  return (
    <Fieldset
      legend={
        <Group gap="xs">
          <span>Goal {n}</span>
          <GoalStatusBadge status={goal.status} />
        </Group>
      }
      aria-label={`Goal ${n}`}
      radius="md"
    >
      <Stack gap="sm">
        <Group align="flex-start" wrap="nowrap" gap="xs">
          <TextInput
            style={{ flex: 1 }}
            label="What the goal is"
            aria-label={`Goal ${n}: what the goal is`}
            withAsterisk
            maxLength={500}
            placeholder="e.g. Hand in every essay on time this term"
            {...form.getInputProps(`${path}.what`)}
          />
          <Tooltip label="Remove this goal">
            <ActionIcon variant="subtle" color="red" mt={28} aria-label={`Remove goal ${n}`} onClick={onRemove}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Textarea label="Why it matters" aria-label={`Goal ${n}: why it matters`} autosize minRows={2} maxLength={1000} {...form.getInputProps(`${path}.why`)} />
          <Textarea
            label="How we will know it is met"
            aria-label={`Goal ${n}: how we will know it is met`}
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps(`${path}.measure`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <UkDateInput
            label="Target date"
            aria-label={`Goal ${n}: target date`}
            clearable
            {...form.getInputProps(`${path}.targetDate`)}
            value={goal.targetDate}
            onChange={(v) => form.setFieldValue(`${path}.targetDate`, v)}
          />
          <Select
            label="Status"
            aria-label={`Goal ${n}: status`}
            data={GOAL_STATUS_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps(`${path}.status`)}
            onChange={(v) => v && form.setFieldValue(`${path}.status`, v as GoalStatus)}
          />
          <MultiSelect
            label="Strategies"
            aria-label={`Goal ${n}: strategies`}
            data={strategyOptions(strategies, goal.strategies)}
            searchable
            clearable
            maxValues={20}
            placeholder={goal.strategies.length ? undefined : 'Choose from your list'}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps(`${path}.strategies`)}
          />
        </SimpleGrid>
        <Textarea
          label="Review notes"
          aria-label={`Goal ${n}: review notes`}
          description="How it is going: what helped, what to change"
          autosize
          minRows={1}
          maxLength={4000}
          {...form.getInputProps(`${path}.reviewNotes`)}
        />
      </Stack>
    </Fieldset>
  );
}
