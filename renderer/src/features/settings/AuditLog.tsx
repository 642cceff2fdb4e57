import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useState } from 'react';
import type { AuditCheck } from '../../../../shared/schemas/audit';
import { call } from '../../app/client';
import { describeError } from '../../app/feedback';
import { useLoad } from '../../app/useLoad';
import { AuditTable } from '../../components/AuditTable';

const SHOWN = 100;

export function AuditLog() {
  const log = useLoad(() => call('audit:list', { limit: SHOWN }));
  const [check, setCheck] = useState<AuditCheck | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setCheckError(null);
    try {
      setCheck(await call('audit:verify', {}));
    } catch (err) {
      setCheck(null);
      setCheckError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group>
        <Button variant="default" onClick={() => void verify()} loading={busy}>
          Check audit chain
        </Button>
      </Group>
      {checkError && (
        <Alert color="red" title="The check could not run">
          {checkError}
        </Alert>
      )}
      {check?.ok && (
        <Alert color="teal" title="The audit log is intact" role="status">
          {check.message}
        </Alert>
      )}
      {check && !check.ok && (
        <Alert color="red" title="The audit log has been altered">
          {check.message}
          {check.firstBrokenSeq !== null && <> The first entry that does not check out is number {check.firstBrokenSeq}.</>}
        </Alert>
      )}
      {log.error && (
        <Alert color="red" title="Could not load the audit log">
          {log.error}
        </Alert>
      )}
      {!log.data && !log.error && <Loader size="sm" aria-label="Loading the audit log" />}
      {log.data && (
        <>
          <Text size="sm" c="dimmed">
            {log.data.total > log.data.entries.length
              ? `Showing the latest ${log.data.entries.length} of ${log.data.total} entries.`
              : `${log.data.total} ${log.data.total === 1 ? 'entry' : 'entries'}.`}
          </Text>
          <AuditTable entries={log.data.entries} showRecord />
        </>
      )}
    </>
  );
}
