import { Button, Group, Paper, Select, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { StudentStatus, statusLabels, type Student } from '../../../../shared/schemas/student';
import { call } from '../../app/client';
import { describeError, notifySaved } from '../../app/feedback';
import { formatDateTime, formatIsoDate, todayIso } from '../../app/format';
import { StatusBadge, statusColors } from '../../components/StatusBadge';
import { UkDateInput } from '../../components/UkDateInput';
import { SupportEnd } from './ClosePanel';

const STATUS_OPTIONS = StudentStatus.options.map((value) => ({ value, label: statusLabels[value] }));

export function StatusPanel({ student, onChanged }: { student: Student; onChanged(): Promise<void> }) {
  const [status, setStatus] = useState<string | null>(null);
  const [on, setOn] = useState(todayIso);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const history = [...student.statusHistory].reverse();

  const change = async () => {
    if (!status) return setError('Choose the new status first.');
    if (!on) return setError('Enter the date the change took effect, like 23/11/2026.');
    setBusy(true);
    setError(null);
    try {
      await call('students:setStatus', { id: student.id, status: status as StudentStatus, on, note });
      notifySaved(`Status changed to ${statusLabels[status as StudentStatus]}.`);
      setStatus(null);
      setNote('');
      await onChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="lg">
      <Group gap="sm">
        <Text>Current status:</Text>
        <StatusBadge status={student.status} size="lg" />
      </Group>
      <SupportEnd student={student} onChanged={onChanged} />
      <Paper withBorder p="md" component="form" onSubmit={(e) => { e.preventDefault(); void change(); }} aria-label="Change status">
        <Title order={3} size="h5" mb="sm">
          Change status
        </Title>
        <Group align="flex-start" grow preventGrowOverflow={false}>
          <Select label="New status" data={STATUS_OPTIONS.filter((o) => o.value !== student.status)} value={status} onChange={setStatus} placeholder="Choose…" />
          <UkDateInput label="Date of change" value={on} onChange={setOn} />
          <TextInput label="Note" description="Optional: why, or who decided" value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        </Group>
        {error && (
          <Text c="red" size="sm" mt="xs" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={busy} leftSection={<IconFlag size={16} />}>
            Change status
          </Button>
        </Group>
      </Paper>
      <div>
        <Title order={3} size="h5" mb="sm">
          Status history
        </Title>
        <Timeline active={0} bulletSize={16} lineWidth={2}>
          {history.map((change) => (
            <Timeline.Item key={change.at + change.status} color={statusColors[change.status]} title={`${statusLabels[change.status]} from ${formatIsoDate(change.on)}`}>
              {change.note && <Text size="sm">{change.note}</Text>}
              <Text size="xs" c="dimmed">
                Recorded {formatDateTime(change.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </div>
    </Stack>
  );
}
