import { ActionIcon, Alert, Button, Group, Loader, Modal, Select, Stack, Switch, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { CalendarSettings, defaultCalendarSettings, type DeadlineRule } from '../../../../shared/schemas/calendar';
import { DeadlineRuleForm } from './DeadlineRuleForm';
import { MONTHS, describeRule, newRuleId } from './deadlineText';
import { useSettingsDraft } from './useSettingsDraft';

/**
 * The academic year's start and the deadlines on the calendar: the built-in ones (editable, can be
 * switched off) and the provider's own. Changes are kept on screen until saved.
 */
export function Deadlines() {
  const { settings, value, dirty, error, busy, update, discard, save } = useSettingsDraft('calendar', CalendarSettings, 'The calendar now follows these deadlines.');
  const [editing, setEditing] = useState<{ rule: DeadlineRule; isNew: boolean } | null>(null);

  if (settings.error) return <Alert color="red">{settings.error}</Alert>;
  if (!settings.data || !value) return <Loader size="sm" aria-label="Loading" />;
  const calendar = value;
  const rules = calendar.deadlineRules;
  const keepRule = (rule: DeadlineRule) => {
    const exists = rules.some((r) => r.id === rule.id);
    update({ ...calendar, deadlineRules: exists ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule] });
    setEditing(null);
  };

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="xs">
        <Select
          label="The academic year starts on"
          data={Array.from({ length: 31 }, (_, i) => String(i + 1))}
          value={String(calendar.academicYearStart.day)}
          onChange={(v) => v && update({ ...calendar, academicYearStart: { ...calendar.academicYearStart, day: Number(v) } })}
          w={90}
          allowDeselect={false}
          aria-label="Academic year start day"
        />
        <Select
          data={MONTHS.map((label, i) => ({ value: String(i + 1), label }))}
          value={String(calendar.academicYearStart.month)}
          onChange={(v) => v && update({ ...calendar, academicYearStart: { ...calendar.academicYearStart, month: Number(v) } })}
          w={150}
          allowDeselect={false}
          aria-label="Academic year start month"
        />
      </Group>
      <Table aria-label="Deadlines" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>On</Table.Th>
            <Table.Th>Deadline</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.map((rule) => (
            <Table.Tr key={rule.id}>
              <Table.Td>
                <Switch
                  checked={rule.enabled}
                  onChange={(e) => keepRule({ ...rule, enabled: e.currentTarget.checked })}
                  aria-label={`${rule.title}: on the calendar`}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500} c={rule.enabled ? undefined : 'dimmed'}>
                  {rule.title}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {describeRule(rule)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <ActionIcon variant="subtle" onClick={() => setEditing({ rule, isNew: false })} aria-label={`Edit ${rule.title}`}>
                    <IconPencil size={16} />
                  </ActionIcon>
                  <ActionIcon variant="subtle" color="red" onClick={() => update({ ...calendar, deadlineRules: rules.filter((r) => r.id !== rule.id) })} aria-label={`Remove ${rule.title}`}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="space-between">
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              setEditing({
                rule: { id: newRuleId('new deadline', rules.map((r) => r.id)), title: '', notes: '', enabled: true, kind: 'last-working-day-of-month', month: 'every' },
                isNew: true,
              })
            }
          >
            Add a deadline
          </Button>
          <Button variant="subtle" onClick={() => update(defaultCalendarSettings)}>
            Restore the built-in deadlines
          </Button>
        </Group>
        <Group gap="xs">
          {dirty && (
            <Button variant="default" onClick={discard}>
              Discard changes
            </Button>
          )}
          <Button onClick={() => void save()} loading={busy} disabled={!dirty}>
            Save deadlines
          </Button>
        </Group>
      </Group>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.isNew ? 'New deadline' : 'Edit deadline'}>
        {editing && (
          <DeadlineRuleForm
            rule={editing.rule}
            onCancel={() => setEditing(null)}
            onSave={(rule) => keepRule(editing.isNew ? { ...rule, id: newRuleId(rule.title, rules.map((r) => r.id)) } : rule)}
          />
        )}
      </Modal>
    </Stack>
  );
}
