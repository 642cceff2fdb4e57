import { Alert, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { call } from '../../app/client';
import { notifyError } from '../../app/feedback';
import { formatDate, plural } from '../../app/format';
import { useLoad } from '../../app/useLoad';
import { SignedStateBadge, signedByText } from '../../components/SignedRecord';
import { AgreementView } from './AgreementView';

/** The student's service agreements, one per academic year; opening one shows it in place of the list. */
export function AgreementPanel({ studentId, initialAgreementId }: { studentId: string; initialAgreementId?: string | undefined }) {
  const [openId, setOpenId] = useState<string | null>(initialAgreementId ?? null);
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => call('agreements:list', { studentId }), [studentId]);

  const create = async () => {
    setCreating(true);
    try {
      const created = await call('agreements:create', { studentId });
      await list.reload();
      setOpenId(created.id);
    } catch (err) {
      notifyError('Agreement not created', err);
    } finally {
      setCreating(false);
    }
  };

  if (openId) {
    return <AgreementView studentId={studentId} agreementId={openId} onBack={() => setOpenId(null)} onChanged={list.reload} />;
  }

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          One agreement for each academic year, filled in from your template (Settings) and signed by the student and by you.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => void create()} loading={creating}>
          New agreement for this academic year
        </Button>
      </Group>
      {list.error && (
        <Alert color="red" title="Could not load the agreements">
          {list.error}
        </Alert>
      )}
      {!list.data && !list.error && <Loader size="sm" aria-label="Loading agreements" />}
      {list.data && list.data.length === 0 && <Text c="dimmed">No service agreement yet.</Text>}
      {list.data && list.data.length > 0 && (
        <Table striped highlightOnHover aria-label="Service agreements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Academic year</Table.Th>
              <Table.Th>Signed by</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Amendments</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((agreement) => (
              <Table.Tr key={agreement.id}>
                <Table.Td>{agreement.academicYear}</Table.Td>
                <Table.Td>
                  {signedByText(agreement.signedBy)}
                  {agreement.versions > 1 && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (amendment {agreement.versions - 1})
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <SignedStateBadge complete={agreement.complete} />
                </Table.Td>
                <Table.Td>{agreement.versions > 1 ? plural(agreement.versions - 1, 'amendment') : 'None'}</Table.Td>
                <Table.Td>{formatDate(agreement.createdAt)}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => setOpenId(agreement.id)} aria-label={`Open agreement ${agreement.academicYear}`}>
                    Open
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
