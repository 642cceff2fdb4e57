import { Button, Group, Select } from '@mantine/core';
import { IconFileExport } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { call } from '../../app/client';
import { notifyDone, notifyError } from '../../app/feedback';

/** Months that have a session, and this month, newest first, as the Select offers them. */
export function timesheetMonths(sessionDates: string[], today: string): { value: string; label: string }[] {
  const months = new Set([today.slice(0, 7), ...sessionDates.map((d) => d.slice(0, 7))]);
  return [...months].sort().reverse().map((value) => ({ value, label: dayjs(`${value}-01`).format('MMMM YYYY') }));
}

/** The monthly timesheet for the office: pick a month, export the PDF, and see where it was saved. */
export function MonthlyTimesheet({ studentId, sessionDates, today }: { studentId: string; sessionDates: string[]; today: string }) {
  const options = timesheetMonths(sessionDates, today);
  const [month, setMonth] = useState<string | null>(today.slice(0, 7));
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!month) return;
    setBusy(true);
    try {
      const { path } = await call('sessions:exportMonth', { studentId, month });
      notifyDone('Timesheet exported', `Saved to ${path}`);
    } catch (err) {
      notifyError('Timesheet not exported', err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" align="flex-end">
      <Select label="Monthly timesheet" data={options} value={month} onChange={setMonth} allowDeselect={false} w={180} />
      <Button variant="default" leftSection={<IconFileExport size={16} />} onClick={() => void run()} loading={busy} disabled={!month}>
        Export timesheet
      </Button>
    </Group>
  );
}
