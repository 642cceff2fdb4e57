import { Alert, Button, Group, List } from '@mantine/core';
import { useState } from 'react';
import type { VerifyReport } from '../../../../shared/schemas/vault';
import { call } from '../../app/client';
import { describeError } from '../../app/feedback';
import { plural } from '../../app/format';

export function VaultCheck() {
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await call('vault:verify', {}));
    } catch (err) {
      setReport(null);
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Group>
        <Button variant="default" onClick={() => void check()} loading={busy}>
          Check vault
        </Button>
      </Group>
      {error && (
        <Alert color="red" title="The check could not run">
          {error}
        </Alert>
      )}
      {report?.ok && (
        <Alert color="teal" title="Everything checks out" role="status">
          All {plural(report.checked, 'document')} opened and passed their integrity check.
        </Alert>
      )}
      {report && !report.ok && (
        <Alert color="red" title={`${plural(report.problems.length, 'problem')} found`}>
          <List size="sm">
            {report.problems.map((problem) => (
              <List.Item key={problem.document}>
                {problem.document}: {problem.message}
              </List.Item>
            ))}
          </List>
          Restore the newest backup copy made before the problem appeared (see Backups above). The files with problems are
          kept as they are.
        </Alert>
      )}
    </>
  );
}
