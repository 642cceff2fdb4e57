import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { VaultStatus } from '../../../shared/schemas/vault';
import { Damaged } from '../features/vault/Damaged';
import { FirstRun } from '../features/vault/FirstRun';
import { Unlock } from '../features/vault/Unlock';
import { ScreenCard } from '../components/ScreenCard';
import { call, onEvent, onFailure } from './client';
import { describeError } from './feedback';
import { SessionContext, type Session } from './session';
import { UnlockedApp } from './UnlockedApp';

export function App() {
  const [status, setStatus] = useState<VaultStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Bumped whenever the vault's contents are replaced, so every screen reloads from nothing.
  const [generation, setGeneration] = useState(0);
  const statusRequest = useRef(0);

  const refreshStatus = useCallback(async () => {
    const request = ++statusRequest.current;
    try {
      const next = await call('vault:status', {});
      // A slower, older answer must not undo a newer one (e.g. an unlock that raced a lock).
      if (request === statusRequest.current) {
        setStatus(next);
        setLoadError(null);
      }
    } catch (error) {
      if (request === statusRequest.current) setLoadError(describeError(error));
    } finally {
      document.body.dataset.appReady = 'true';
    }
  }, []);

  const applyStatus = useCallback((next: VaultStatus) => {
    statusRequest.current++;
    setStatus(next);
  }, []);

  // On any sign of a lock, drop the unlocked tree at once (so no record stays in React state or the DOM),
  // then ask main for the authoritative status, which carries the reason.
  const dropEverything = useCallback(() => {
    notifications.clean();
    setStatus((current) => (current?.state === 'unlocked' ? { ...current, state: 'locked' } : current));
    void refreshStatus();
  }, [refreshStatus]);

  useEffect(() => {
    void refreshStatus();
    const stopEvents = onEvent('vault:locked', dropEverything);
    const stopFailures = onFailure((error) => {
      if (error.code === 'LOCKED') dropEverything();
      // A damaged file met mid-session turns the vault to "damaged"; the fresh status shows that screen.
      // (Not dropped at once: a refused restore of a bad backup also says VAULT_DAMAGED.)
      else if (error.code === 'VAULT_DAMAGED') void refreshStatus();
    });
    return () => {
      stopEvents();
      stopFailures();
    };
  }, [refreshStatus, dropEverything]);

  useEffect(() => {
    if (status) document.body.dataset.vaultState = status.state;
  }, [status]);

  const session = useMemo<Session | null>(
    () =>
      status && {
        status,
        applyStatus,
        refreshStatus,
        reloadAfterRestore: (next) => {
          applyStatus(next);
          setGeneration((n) => n + 1);
        },
      },
    [status, applyStatus, refreshStatus],
  );

  if (!session) {
    return loadError ? (
      <ScreenCard title="Mentor Desk could not start">
        <Stack>
          <Text role="alert">{loadError}</Text>
          <Button onClick={() => void refreshStatus()}>Try again</Button>
        </Stack>
      </ScreenCard>
    ) : (
      <Center h="100vh">
        <Loader aria-label="Opening Mentor Desk" />
      </Center>
    );
  }

  return (
    <SessionContext.Provider value={session}>
      {session.status.state === 'new' && <FirstRun onDone={() => void refreshStatus()} />}
      {session.status.state === 'locked' && <Unlock />}
      {session.status.state === 'damaged' && <Damaged />}
      {session.status.state === 'unlocked' && <UnlockedApp key={generation} />}
    </SessionContext.Provider>
  );
}
