import { Button } from '@mantine/core';
import { IconFileExport, IconPencil } from '@tabler/icons-react';
import { useExport } from '../../app/useExport';

/** Starts an amendment of a signed version; the signed version stays on file. */
export function AmendButton({ onClick }: { onClick(): void }) {
  return (
    <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onClick}>
      Make an amendment
    </Button>
  );
}

/** Exports the record as a PDF, saying where it went. */
export function ExportPdfButton({ write }: { write(): Promise<{ path: string }> }) {
  const exporter = useExport();
  return (
    <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => void exporter.run(write)} loading={exporter.busy}>
      Export PDF
    </Button>
  );
}
