import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../app/client';
import { notifyDone, notifyError } from '../../app/feedback';

/** The boundaries record as a PDF for the office; confidentiality exceptions only when ticked. */
export function ExportBoundaries({ studentId, exceptionsOnFile }: { studentId: string; exceptionsOnFile: number }) {
  const [includeConfidential, setIncludeConfidential] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [written, setWritten] = useState<string | null>(null);

  const exportPdf = async () => {
    setExporting(true);
    try {
      const { path } = await call('boundaries:exportPdf', { studentId, includeConfidential });
      setWritten(path);
      notifyDone('PDF exported', `Saved to ${path}`);
    } catch (err) {
      notifyError('PDF not exported', err);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="xs">
      <Group gap="lg" align="center">
        <Button leftSection={<IconFileExport size={16} aria-hidden />} onClick={() => void exportPdf()} loading={exporting}>
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
