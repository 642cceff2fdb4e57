import { Alert, Button, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { BoundaryRecords } from '../../../../shared/schemas/boundaries';
import { call } from '../../app/client';
import { useLoad } from '../../app/useLoad';
import { BoundaryChecklist } from './BoundaryChecklist';
import { BoundaryLog } from './BoundaryLog';
import { ConfidentialityExceptions } from './ConfidentialityExceptions';
import { ConflictsOfInterest } from './ConflictsOfInterest';
import { ExportBoundaries } from './ExportBoundaries';

function Part({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = `boundaries-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

/** The student's Boundaries tab: the confirmed checklist, the boundary log, confidentiality exceptions and conflicts of interest. */
export function BoundariesPanel({ studentId }: { studentId: string }) {
  const loaded = useLoad(async () => {
    const [records, settings] = await Promise.all([call('boundaries:get', { studentId }), call('settings:get', {})]);
    return { records, providerItems: settings.boundaryItems };
  }, [studentId]);
  // Every save answers with the whole record; that answer is shown without loading again.
  const [saved, setSaved] = useState<BoundaryRecords | null>(null);

  if (loaded.error) {
    return (
      <Alert color="red" title="Could not load the boundaries record">
        {loaded.error}
        <Button mt="sm" size="xs" variant="light" onClick={() => void loaded.reload()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!loaded.data) return <Loader aria-label="Loading the boundaries record" />;
  const records = saved ?? loaded.data.records;

  return (
    <Stack gap="lg">
      <ExportBoundaries studentId={studentId} exceptionsOnFile={records.exceptions.length} />
      <Part title="Boundaries checklist" description="The professional boundaries you agree with the student, confirmed one by one.">
        <BoundaryChecklist studentId={studentId} records={records} providerItems={loaded.data.providerItems} onSaved={setSaved} />
      </Part>
      <Part title="Boundary log" description="Each time a boundary was tested, what you did, and whether the office knows.">
        <BoundaryLog studentId={studentId} records={records} onSaved={setSaved} />
      </Part>
      <ConfidentialityExceptions studentId={studentId} records={records} onSaved={setSaved} />
      <Part title="Conflicts of interest" description="Any other role or connection that could conflict with mentoring this student.">
        <ConflictsOfInterest studentId={studentId} records={records} onSaved={setSaved} />
      </Part>
    </Stack>
  );
}
