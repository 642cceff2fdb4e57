import { Alert, Button, Checkbox, Group, Loader, Paper, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconFileExport, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { academicYearOf } from '../../../../shared/domain/academicYear';
import { call } from '../../app/client';
import { todayIso } from '../../app/format';
import { useExport } from '../../app/useExport';
import { useLoad } from '../../app/useLoad';
import { SurveyImport } from './SurveyImport';
import { SurveyResultsView } from './SurveyResultsView';
import { SurveyStudents } from './SurveyStudents';

/** Surveys: who has been asked and has answered, the results, and the year-end export for the office. */
export function SurveysPage() {
  const settings = useLoad(() => call('settings:get', {}));
  const current = academicYearOf(Date.parse(`${todayIso()}T12:00:00Z`));
  const years = [0, 1, 2].map((back) => {
    const start = Number(current.slice(0, 4)) - back;
    return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  });
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [academicYear, setAcademicYear] = useState(current);
  const surveys = settings.data?.surveys ?? [];
  const chosen = surveyId ?? surveys[0]?.id ?? null;
  const overview = useLoad(async () => (chosen ? call('surveys:overview', { surveyId: chosen, academicYear }) : null), [chosen, academicYear]);
  const [tab, setTab] = useState<string>('students');
  const [anonymise, setAnonymise] = useState(true);
  const csv = useExport('CSV');
  const report = useExport('Report');

  if (settings.error) return <Alert color="red">{settings.error}</Alert>;
  if (!settings.data) return <Loader aria-label="Loading surveys" />;
  return (
    <Stack maw={1100} gap="md">
      <Title order={1}>Surveys</Title>
      <Group justify="space-between" align="flex-end">
        <SegmentedControl value={chosen ?? ''} onChange={setSurveyId} data={surveys.map((s) => ({ value: s.id, label: s.title }))} aria-label="Survey" />
        <Select label="Academic year" data={years} value={academicYear} onChange={(v) => v && setAcademicYear(v)} w={140} allowDeselect={false} />
      </Group>
      {overview.error && <Alert color="red">{overview.error}</Alert>}
      {!overview.data && !overview.error && <Loader size="sm" aria-label="Loading the survey" />}
      {overview.data && chosen && (
        <Tabs value={tab} onChange={(v) => v && setTab(v)}>
          <Tabs.List mb="md">
            <Tabs.Tab value="students">Students</Tabs.Tab>
            <Tabs.Tab value="results">Results</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="students">
            <Stack gap="md">
              <SurveyStudents overview={overview.data} onChanged={overview.reload} />
              <SurveyImport surveyId={chosen} academicYear={academicYear} onDone={overview.reload} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="results">{tab === 'results' && <SurveyResultsView key={`${chosen}-${academicYear}-${overview.data.counts.returned}`} surveyId={chosen} academicYear={academicYear} />}</Tabs.Panel>
        </Tabs>
      )}
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4" mb={4}>
          End-of-year export for {academicYear}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Every survey’s responses: a CSV with one row per response (columns listed in the README) and a PDF report with the charts.
        </Text>
        <Group>
          <Checkbox checked={anonymise} onChange={(e) => setAnonymise(e.currentTarget.checked)} label="Leave out names and student numbers" />
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void csv.run(() => call('surveys:exportCsv', { academicYear, anonymise }))} loading={csv.busy}>
            Export CSV
          </Button>
          <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => void report.run(() => call('surveys:exportPdf', { academicYear, anonymise }))} loading={report.busy}>
            Export PDF report
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
