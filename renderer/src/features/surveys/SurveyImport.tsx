import { Alert, Button, FileButton, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import type { SurveyImportPreview } from '../../../../shared/schemas/survey';
import { call } from '../../app/client';
import { describeError, notifyDone } from '../../app/feedback';
import { formatIsoDate, plural } from '../../app/format';

const MAX_BYTES = 5_000_000;

/** The survey tool's CSV (or our own export): previewed against the caseload, then imported in one save. */
export function SurveyImport({ surveyId, academicYear, onDone }: { surveyId: string; academicYear: string; onDone(): Promise<void> }) {
  const [csvText, setCsvText] = useState<string | null>(null);
  const [preview, setPreview] = useState<SurveyImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | null) => {
    if (!file) return;
    setError(null);
    setPreview(null);
    if (file.size > MAX_BYTES) return setError('That file is over 5 MB. Split it and import each part.');
    const text = await file.text();
    setCsvText(text);
    setBusy(true);
    try {
      setPreview(await call('surveys:importPreview', { surveyId, academicYear, csvText: text }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    if (!csvText) return;
    setBusy(true);
    try {
      const result = await call('surveys:import', { surveyId, academicYear, csvText });
      notifyDone('Answers imported', `${plural(result.imported, 'response')} imported${result.bad.length ? `; ${plural(result.bad.length, 'row')} left out` : ''}.`);
      setPreview(null);
      setCsvText(null);
      await onDone();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group>
        <FileButton onChange={(f) => void pick(f)} accept=".csv,text/csv">
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileImport size={16} />} loading={busy && !preview}>
              Import answers from a CSV…
            </Button>
          )}
        </FileButton>
        <Text size="xs" c="dimmed">
          Students are found by student number or email; columns by question.
        </Text>
      </Group>
      {error && (
        <Alert color="red" role="alert" title="Could not import">
          {error}
        </Alert>
      )}
      {preview && (
        <Alert color={preview.good > 0 ? 'blue' : 'orange'} title={`${plural(preview.good, 'response')} ready to import`}>
          <Stack gap="xs">
            {preview.fileErrors.map((e) => (
              <Text key={e} size="sm" c="red.8">
                {e}
              </Text>
            ))}
            <Text size="sm">
              Questions found: {preview.questionColumns.length ? preview.questionColumns.map((c) => `“${c.questionText}” (${c.column})`).join(', ') : 'none'}.
              {preview.replaces > 0 && ` ${plural(preview.replaces, 'student')} already ha${preview.replaces === 1 ? 's' : 've'} answers on file: importing replaces them.`}
              {preview.skipped > 0 && ` ${plural(preview.skipped, 'row')} with nothing to import.`}
            </Text>
            {preview.sample.length > 0 && (
              <Table aria-label="Responses to import">
                <Table.Tbody>
                  {preview.sample.map((s) => (
                    <Table.Tr key={s.row}>
                      <Table.Td>{s.studentName}</Table.Td>
                      <Table.Td>{s.returnedOn ? formatIsoDate(s.returnedOn) : ''}</Table.Td>
                      <Table.Td>{plural(s.answered, 'answer')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            {preview.bad.length > 0 && (
              <List size="sm" aria-label="Rows left out">
                {preview.bad.map((b) => (
                  <List.Item key={b.row}>
                    Row {b.row}: {b.reasons.join('; ')}
                  </List.Item>
                ))}
              </List>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => { setPreview(null); setCsvText(null); }}>
                Cancel
              </Button>
              <Button onClick={() => void run()} loading={busy} disabled={preview.good === 0}>
                Import {plural(preview.good, 'response')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
