import { Button, Group, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { signerRoleLabels, type SignerRole } from '../../../../shared/schemas/signature';

interface SignButtonsProps {
  /** The roles still to sign the current version; nothing is shown once there are none. */
  missing: SignerRole[];
  onSign(role: SignerRole): void;
  disabled?: boolean;
  /** Beside the buttons: what signing mode shows, or why signing must wait. */
  note: ReactNode;
}

/** One "Sign as …" button per missing signer, each opening signing mode for that role. */
export function SignButtons({ missing, onSign, disabled = false, note }: SignButtonsProps) {
  if (missing.length === 0) return null;
  return (
    <Group gap="xs">
      {missing.map((role) => (
        <Button key={role} leftSection={<IconSignature size={16} />} disabled={disabled} onClick={() => onSign(role)}>
          Sign as {signerRoleLabels[role].toLowerCase()}…
        </Button>
      ))}
      <Text size="sm" c="dimmed">
        {note}
      </Text>
    </Group>
  );
}
