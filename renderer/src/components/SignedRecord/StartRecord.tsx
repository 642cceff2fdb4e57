import { Button, Stack, Text } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { notifyError } from '../../app/feedback';

interface StartRecordProps {
  /** What the record is for and how it goes, in the mentor's words. */
  intro: ReactNode;
  label: string;
  /** The notification title when starting fails, e.g. "Learning plan not started". */
  failedTitle: string;
  /** Starts the record and reloads it. */
  start(): Promise<void>;
}

/** Shown before a signed record exists: what it is, and a button that starts it. */
export function StartRecord({ intro, label, failedTitle, start }: StartRecordProps) {
  const [starting, setStarting] = useState(false);
  const run = async () => {
    setStarting(true);
    try {
      await start();
    } catch (err) {
      notifyError(failedTitle, err);
    } finally {
      setStarting(false);
    }
  };
  return (
    <Stack gap="sm" maw={640}>
      <Text>{intro}</Text>
      <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void run()} loading={starting} w="fit-content">
        {label}
      </Button>
    </Stack>
  );
}
