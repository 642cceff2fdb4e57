import { Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../app/client';
import { notifyError } from '../../app/feedback';
import { useSession } from '../../app/session';

export function QuickUnlock() {
  const { status, applyStatus } = useSession();
  const [busy, setBusy] = useState(false);
  const { available, enabled } = status.quickUnlock;

  const toggle = async (next: boolean) => {
    setBusy(true);
    try {
      applyStatus(await call('vault:setQuickUnlock', { enabled: next }));
    } catch (err) {
      notifyError(next ? 'Quick unlock not turned on' : 'Quick unlock not turned off', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Switch
        label="Unlock with system keychain"
        description="Lets you unlock with your computer account’s keychain instead of typing the passphrase. Anyone who can sign in to this computer as you could then open your records."
        checked={enabled}
        disabled={!available || busy}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      {!available && (
        <Text size="sm" c="dimmed" mt="xs" ml={54}>
          Not available on this computer: Mentor Desk offers it only where the operating system keeps a protected keychain
          (Windows, macOS, or Linux with a keyring such as GNOME Keyring or KWallet).
        </Text>
      )}
    </div>
  );
}
