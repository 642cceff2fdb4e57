import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../app/client';
import { useExport } from '../../app/useExport';

/** The boundaries record as a PDF for the office; confidentiality exceptions only when ticked. */
export function ExportBoundaries({ studentId, exceptionsOnFile }: { studentId: string; exceptionsOnFile: number }) {
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const exporter = useExport();
  const written = exporter.lastPath;

  return (
    <Stack gap="xs">
      <Group gap="lg" align="center">
        <Button leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => void exporter.run(() => call('boundaries:exportPdf', { studentId, includeConfidential }))} loading={exporter.busy}>
          Export PDF
        </Button>
        <Checkbox
          label="Include confidentiality exceptions"
          description={
            includeConfidential
              ? 'The concerns and who was told will be in the PDF. Share it only with those who need to know.'
              : exceptionsOnFile > 0
                ? 'Left out: the PDF only says that you hold a confidentiality record.'
                : undefined
          }
          checked={includeConfidential}
          onChange={(e) => setIncludeConfidential(e.currentTarget.checked)}
          color="red"
        />
      </Group>
      {written && (
        <Text size="sm" c="dimmed" data-testid="boundaries-export-path">
          Last exported to {written}
        </Text>
      )}
    </Stack>
  );
}
