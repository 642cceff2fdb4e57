import { ActionIcon, Button, Group, Input, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { ActionOwner, actionOwnerLabels } from '../../../../shared/schemas/session';
import { UkDateInput } from '../../components/UkDateInput';
import type { RecordFormValues } from './sessionRecordModel';

const OWNER_OPTIONS = ActionOwner.options.map((value) => ({ value, label: actionOwnerLabels[value] }));

/** The actions agreed, one row each: what, who (and their name when it is someone else), and by when. */
export function ActionsEditor({ form }: { form: UseFormReturnType<RecordFormValues> }) {
  const { actions } = form.values;
  return (
    <Input.Wrapper label="Actions agreed" error={form.errors.actions}>
      <Stack gap="xs" mt={4}>
        {actions.length === 0 && (
          <Text size="sm" c="dimmed">
            No actions yet.
          </Text>
        )}
        {actions.map((action, i) => (
          <Paper key={i} withBorder p="xs" radius="sm" role="group" aria-label={`Action ${i + 1}`}>
            <Group align="flex-start" gap="xs" wrap="wrap">
              <TextInput label="What" style={{ flex: '2 1 240px' }} maxLength={500} {...form.getInputProps(`actions.${i}.what`)} />
              <Select label="Who" data={OWNER_OPTIONS} allowDeselect={false} w={150} {...form.getInputProps(`actions.${i}.owner`)} />
              {action.owner === 'other' && (
                <TextInput label="Their name" w={170} maxLength={120} {...form.getInputProps(`actions.${i}.ownerName`)} />
              )}
              <UkDateInput
                label="By"
                clearable
                w={150}
                {...form.getInputProps(`actions.${i}.due`)}
                value={action.due}
                onChange={(v) => form.setFieldValue(`actions.${i}.due`, v)}
              />
              <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove action ${i + 1}`} onClick={() => form.removeListItem('actions', i)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          </Paper>
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          leftSection={<IconPlus size={14} />}
          onClick={() => form.insertListItem('actions', { what: '', owner: 'student', ownerName: '', due: '' })}
          disabled={actions.length >= 30}
        >
          Add an action
        </Button>
      </Stack>
    </Input.Wrapper>
  );
}
