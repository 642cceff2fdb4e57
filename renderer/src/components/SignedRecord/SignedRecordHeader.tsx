import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { currentVersion } from '../../../../shared/domain/signing';
import type { SignedRecord } from '../../../../shared/schemas/signature';
import { formatDateTime } from '../../app/format';
import { SignedStateBadge } from './SignedStateBadge';
import { versionName } from './signedRecordText';

interface SignedRecordHeaderProps {
  title: ReactNode;
  record: SignedRecord<unknown>;
  /** Everyone required has signed the current version. */
  complete: boolean;
  /** The state badge's test id, e.g. `agreement-state`. */
  stateTestId: string;
  /** The word before the current version's date: "started" for a checklist, "written" for a text. */
  createdVerb: string;
  versionTestId?: string;
  /** Above the title, such as a way back to the list. */
  above?: ReactNode;
  /** The actions on the right: amend, export, … */
  children?: ReactNode;
}

/** The top of a signed record: its title, whether it is signed by everyone, which version this is, and what can be done with it. */
export function SignedRecordHeader({ title, record, complete, stateTestId, createdVerb, versionTestId, above, children }: SignedRecordHeaderProps) {
  const current = currentVersion(record);
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={4}>
        {above}
        <Title order={2} size="h3">
          {title}
        </Title>
        <Group gap="xs">
          <SignedStateBadge complete={complete} testId={stateTestId} />
          <Text size="sm" c="dimmed" data-testid={versionTestId}>
            {current.amends !== null ? versionName(record.versions.length - 1) : versionName(0)}, {createdVerb} {formatDateTime(current.createdAt)}
          </Text>
        </Group>
      </Stack>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}
