import { Badge, Button, Group, Menu, Modal, Paper, RingProgress, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconBell, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import type { SurveyStatus } from '../../../../shared/schemas/calendar';
import { SentHow, type SurveyOverview, type SurveyRow } from '../../../../shared/schemas/survey';
import { call } from '../../app/client';
import { notifyError } from '../../app/feedback';
import { formatIsoDate, todayIso } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { UkDateInput } from '../../components/UkDateInput';
import { ResponseForm } from './ResponseForm';

const STATUS: Record<SurveyStatus, { label: string; color: string }> = {
  'not-sent': { label: 'Not sent', color: 'gray' },
  sent: { label: 'Sent', color: 'blue' },
  returned: { label: 'Returned', color: 'teal' },
};

/** Who has been asked, who has answered, and who needs a reminder before the due date. */
export function SurveyStudents({ overview, onChanged }: { overview: SurveyOverview; onChanged(): Promise<void> }) {
  const navigate = useNavigate();
  const [sending, setSending] = useState<SurveyRow | null>(null);
  const [answering, setAnswering] = useState<{ row: SurveyRow; answers: Record<string, number | string> } | null>(null);
  const [unsending, setUnsending] = useState<SurveyRow | null>(null);
  const { survey, academicYear, window, counts, rows } = overview;

  const mark = async (row: SurveyRow, status: SurveyStatus, extra: { sentOn?: string; sentHow?: SentHow } = {}) => {
    try {
      await call('surveys:mark', { studentId: row.studentId, surveyId: survey.id, academicYear, status, ...extra });
      await onChanged();
    } catch (err) {
      notifyError('Not saved', err);
    }
  };

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            Window
          </Text>
          {window ? (
            <Text fw={600}>
              {formatIsoDate(window.opensOn)} to {formatIsoDate(window.dueOn)}
            </Text>
          ) : (
            <Text c="orange.8" size="sm">
              No dates: its deadline is switched off or missing in Settings.
            </Text>
          )}
          {window && <Text size="xs" c="dimmed">Due on the last working day of the window</Text>}
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Group gap="md" wrap="nowrap">
            <RingProgress
              size={72}
              thickness={8}
              roundCaps
              sections={[{ value: Math.round(overview.responseRate * 100), color: 'teal' }]}
              label={<Text ta="center" size="xs" fw={700}>{Math.round(overview.responseRate * 100)}%</Text>}
              aria-label={`Response rate ${Math.round(overview.responseRate * 100)}%`}
            />
            <div>
              <Text size="sm" c="dimmed">
                Response rate
              </Text>
              <Text fw={600} data-testid="survey-returned">
                {counts.returned} of {counts.invited} returned
              </Text>
            </div>
          </Group>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            Still to do
          </Text>
          <Text fw={600}>
            {counts.notSent} not sent · {counts.sent} awaiting answers
          </Text>
          {counts.needReminder > 0 && (
            <Text size="sm" c="orange.8">
              {counts.needReminder} to remind before {window ? formatIsoDate(window.dueOn) : 'the due date'}
            </Text>
          )}
        </Paper>
      </SimpleGrid>

      <Table striped aria-label={`${survey.title} ${academicYear}: students`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Student</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Sent</Table.Th>
            <Table.Th>Returned</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.studentId}>
              <Table.Td>
                <Button variant="subtle" size="compact-sm" px={0} onClick={() => navigate({ page: 'student', id: row.studentId })}>
                  {row.name}
                </Button>
                {row.studentNumber && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {row.studentNumber}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Badge color={STATUS[row.status].color} variant="light">
                    {STATUS[row.status].label}
                  </Badge>
                  {row.needsReminder && (
                    <Badge color="orange" variant="outline" leftSection={<IconBell size={12} />}>
                      Remind
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{row.sentOn ? `${formatIsoDate(row.sentOn)}${row.sentHow ? ` (${row.sentHow})` : ''}` : '—'}</Table.Td>
              <Table.Td>{row.returnedOn ? formatIsoDate(row.returnedOn) : '—'}</Table.Td>
              <Table.Td>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} />} aria-label={`Actions for ${row.name}`}>
                      Update
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => setSending(row)}>{row.status === 'not-sent' ? 'Mark sent…' : 'Change when sent…'}</Menu.Item>
                    <Menu.Item onClick={() => setAnswering({ row, answers: {} })}>
                      {row.hasAnswers ? 'Enter the answers again (replaces them)…' : 'Enter returned answers…'}
                    </Menu.Item>
                    {row.status !== 'not-sent' && (
                      <Menu.Item color="red" onClick={() => (row.hasAnswers ? setUnsending(row) : void mark(row, 'not-sent'))}>
                        Mark not sent
                      </Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Text c="dimmed">No students to ask this year yet.</Text>}

      <Modal opened={sending !== null} onClose={() => setSending(null)} title={sending ? `${survey.title}: sent to ${sending.name}` : ''}>
        {sending && <MarkSent row={sending} onCancel={() => setSending(null)} onSave={async (sentOn, sentHow) => { await mark(sending, 'sent', { sentOn, sentHow }); setSending(null); }} />}
      </Modal>
      <Modal opened={unsending !== null} onClose={() => setUnsending(null)} title="Delete these answers?">
        <Stack gap="sm">
          <Text size="sm">{unsending?.name}’s answers to {survey.title} will be deleted, and the survey marked not sent.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setUnsending(null)}>
              Keep the answers
            </Button>
            <Button color="red" onClick={() => { const row = unsending; setUnsending(null); if (row) void mark(row, 'not-sent'); }}>
              Delete answers
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={answering !== null} onClose={() => setAnswering(null)} title={answering ? `${survey.title}: ${answering.row.name}’s answers` : ''} size="lg">
        {answering && (
          <ResponseForm
            survey={survey}
            academicYear={academicYear}
            studentId={answering.row.studentId}
            studentName={answering.row.name}
            initial={answering.answers}
            onCancel={() => setAnswering(null)}
            onSaved={async () => {
              setAnswering(null);
              await onChanged();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function MarkSent({ row, onSave, onCancel }: { row: SurveyRow; onSave(sentOn: string, sentHow: SentHow): Promise<void>; onCancel(): void }) {
  const [sentOn, setSentOn] = useState(row.sentOn || todayIso());
  const [sentHow, setSentHow] = useState<SentHow>((SentHow.safeParse(row.sentHow).data as SentHow | undefined) ?? 'email');
  const [busy, setBusy] = useState(false);
  return (
    <form onSubmit={async (e) => { e.preventDefault(); setBusy(true); await onSave(sentOn, sentHow); setBusy(false); }}>
      <Stack gap="sm">
        <UkDateInput label="Sent on" value={sentOn} onChange={setSentOn} required />
        <Select label="How" data={SentHow.options.map((v) => ({ value: v, label: v[0]!.toUpperCase() + v.slice(1) }))} value={sentHow} onChange={(v) => v && setSentHow(v as SentHow)} allowDeselect={false} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Mark sent
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
