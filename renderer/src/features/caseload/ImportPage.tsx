import { Alert, Button, FileInput, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFileTypeCsv } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ImportMapping as Mapping, ImportPreview, ImportResult } from '../../../../shared/schemas/caseload';
import { call } from '../../app/client';
import { describeError } from '../../app/feedback';
import { plural } from '../../app/format';
import { useNavigate } from '../../app/navigation';
import { ImportMapping } from './ImportMapping';
import { BadRows, SampleRows } from './ImportRows';

const MAX_BYTES = 5_000_000;

/** Students from a CSV file: map the columns, see what would happen, then import every good row at once. */
export function ImportPage() {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<'reading' | 'previewing' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);

  const runPreview = async (text: string, mapping?: Mapping) => {
    const mine = ++request.current;
    setBusy('previewing');
    setError(null);
    try {
      const next = await call('students:importPreview', mapping ? { csv: text, mapping } : { csv: text });
      if (mine === request.current) setPreview(next);
    } catch (err) {
      if (mine === request.current) setError(describeError(err));
    } finally {
      if (mine === request.current) setBusy(null);
    }
  };

  const choose = async (picked: File | null) => {
    setFile(picked);
    setPreview(null);
    setResult(null);
    setCsv(null);
    setError(null);
    if (!picked) return;
    if (picked.size > MAX_BYTES) return setError('That file is larger than 5 MB. Split it into smaller files and import them one at a time.');
    setBusy('reading');
    try {
      const text = await picked.text();
      setCsv(text);
      await runPreview(text);
    } catch {
      setBusy(null);
      setError('Mentor Desk could not read that file. Check it is a CSV file saved from a spreadsheet, and try again.');
    }
  };

  const runImport = async () => {
    if (!csv || !preview) return;
    setBusy('importing');
    setError(null);
    try {
      setResult(await call('students:import', { csv, mapping: preview.mapping }));
    } catch (err) {
      // Nothing was imported: the backend saves all the good rows in one go or none.
      setError(`${describeError(err)} No students were imported.`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack maw={1000} gap="lg">
      <Group>
        <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate({ page: 'students' })}>
          Students
        </Button>
      </Group>
      <div>
        <Title order={1}>Import students</Title>
        <Text c="dimmed">From a CSV file, such as a list exported from a spreadsheet or your institution’s records system. Nothing is imported until you confirm.</Text>
      </div>

      {result ? (
        <Paper withBorder p="lg">
          <Stack>
            <Alert color={result.imported ? 'teal' : 'orange'} title={result.imported ? `Imported ${plural(result.imported, 'student')}` : 'No students imported'} role="status">
              {result.imported ? 'They are on your caseload with the status Active.' : 'No row of the file could be imported.'}
            </Alert>
            <BadRows bad={result.bad} title={`${plural(result.bad.length, 'row')} not imported`} />
            <Group>
              <Button onClick={() => navigate({ page: 'students' })}>Go to students</Button>
              <Button variant="default" onClick={() => void choose(null)}>
                Import another file
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : (
        <>
          <Paper withBorder p="lg">
            <FileInput
              label="CSV file"
              description="The first row should hold the column headings."
              placeholder="Choose a CSV file…"
              accept=".csv,text/csv"
              leftSection={<IconFileTypeCsv size={18} />}
              value={file}
              onChange={(picked) => void choose(picked)}
              clearable
              maw={480}
            />
          </Paper>
          {busy && busy !== 'importing' && <Loader size="sm" aria-label={busy === 'reading' ? 'Reading the file' : 'Checking the rows'} />}
          {error && (
            <Alert color="red" title="Something went wrong" role="alert">
              {error}
            </Alert>
          )}
          {preview && (
            <ImportPreviewView
              preview={preview}
              busy={busy}
              onMappingChange={(mapping) => csv && void runPreview(csv, mapping)}
              onImport={() => void runImport()}
            />
          )}
        </>
      )}
    </Stack>
  );
}

interface PreviewViewProps {
  preview: ImportPreview;
  busy: string | null;
  onMappingChange(mapping: Mapping): void;
  onImport(): void;
}

function ImportPreviewView({ preview, busy, onMappingChange, onImport }: PreviewViewProps) {
  const nameMapped = Object.values(preview.mapping).some((f) => f === 'fullName' || f === 'firstName' || f === 'lastName');
  return (
    <>
      {preview.fileErrors.length > 0 && (
        <Alert color="red" title="Problems with the file">
          {preview.fileErrors.join(' ')}
        </Alert>
      )}
      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="xs">
          Columns
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Mentor Desk guessed which field each column holds. Correct any that are wrong; the rows are checked again as you do.
        </Text>
        {!nameMapped && (
          <Alert color="orange" mb="sm" title="No name column">
            Choose which column holds the student’s name (full name, or first and last name).
          </Alert>
        )}
        <ImportMapping columns={preview.columns} mapping={preview.mapping} onChange={onMappingChange} disabled={busy === 'importing'} />
      </Paper>
      <Paper withBorder p="lg">
        <Title order={2} size="h4" mb="xs">
          What will be imported
        </Title>
        <Text mb="sm" data-testid="import-summary">
          {plural(preview.total, 'row')} in the file: {plural(preview.good, 'student')} ready to import
          {preview.bad.length ? `, ${plural(preview.bad.length, 'row')} with problems` : ''}.
        </Text>
        {preview.sample.length > 0 && <SampleRows sample={preview.sample} />}
        {preview.sample.length < preview.good && (
          <Text size="sm" c="dimmed" mt="xs">
            Showing the first {preview.sample.length} of {preview.good}.
          </Text>
        )}
        <Stack mt="md">
          <BadRows bad={preview.bad} title={`${plural(preview.bad.length, 'row')} will not be imported`} />
        </Stack>
      </Paper>
      <Group justify="flex-end">
        <Button size="md" onClick={onImport} disabled={preview.good === 0 || busy === 'previewing'} loading={busy === 'importing'}>
          Import {plural(preview.good, 'student')}
        </Button>
      </Group>
    </>
  );
}
