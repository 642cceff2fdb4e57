import { Alert, Button, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconPrinter } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { formatDate } from '../../app/format';

interface RecoveryKeyDisplayProps {
  recoveryKey: string;
  /** Called once the mentor has said the key is stored; the caller then forgets the key. */
  onContinue(): void;
}

/** Shows a recovery key exactly once, with ways to keep it, and will not move on until the mentor says it is kept. */
export function RecoveryKeyDisplay({ recoveryKey, onContinue }: RecoveryKeyDisplayProps) {
  const [stored, setStored] = useState(false);
  const clipboard = useClipboard({ timeout: 3000 });

  useEffect(() => {
    if (clipboard.error) {
      notifications.show({
        color: 'red',
        title: 'Could not copy',
        message: 'Your computer did not allow copying. Select the key with the mouse and copy it, or print it instead.',
      });
    }
  }, [clipboard.error]);

  return (
    <Stack>
      <Text>
        This is your recovery key. If you ever forget your passphrase, it is the only way back into your records. Nobody else
        has a copy, and Mentor Desk will not show it again.
      </Text>
      <Code block data-testid="recovery-key" fz="lg" p="md" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}>
        {recoveryKey}
      </Code>
      <Group>
        <Button
          variant="default"
          leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          onClick={() => clipboard.copy(recoveryKey)}
        >
          Copy
        </Button>
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
          Print
        </Button>
        {clipboard.copied && (
          <Text size="sm" c="teal.8" role="status">
            Copied. Paste it somewhere safe, such as a password manager.
          </Text>
        )}
      </Group>
      <Alert color="yellow" title="Keep it away from this computer" role="note">
        Print it or store it in a password manager. Anyone with this key can open your records, so do not save it in a
        plain file next to them.
      </Alert>
      <Checkbox
        label="I have stored my recovery key somewhere safe"
        checked={stored}
        onChange={(event) => setStored(event.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button disabled={!stored} onClick={onContinue}>
          Continue
        </Button>
      </Group>
      {createPortal(
        <div className="md-print-sheet" aria-hidden="true">
          <h1>Mentor Desk recovery key</h1>
          <p>Printed on {formatDate(Date.now())}.</p>
          <p className="md-print-key">{recoveryKey}</p>
          <p>
            If you forget your Mentor Desk passphrase, choose “Use recovery key instead” on the Unlock screen and type this key.
            Keep this sheet somewhere locked and away from the computer. Anyone holding it can open your records.
          </p>
        </div>,
        document.body,
      )}
    </Stack>
  );
}
