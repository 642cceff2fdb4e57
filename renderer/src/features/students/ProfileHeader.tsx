import { Badge, Box, Button, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { firstContactState, firstSuccessfulContactAt } from '../../../../shared/domain/firstContact';
import type { Referral } from '../../../../shared/schemas/referral';
import type { Settings } from '../../../../shared/schemas/settings';
import type { Student } from '../../../../shared/schemas/student';
import { useNow } from '../../app/useNow';
import { StatusBadge } from '../../components/StatusBadge';
import { ConfidentialityFlag } from '../boundaries/ConfidentialityFlag';
import { firstContactColors, firstContactLabel } from '../referrals/firstContactText';
import { EmailStudentButton } from './EmailStudentButton';

interface ProfileHeaderProps {
  student: Student;
  referral: Referral | null;
  settings: Settings | null;
  onBack(): void;
  onShowContacts(): void;
  onShowBoundaries(): void;
}

export function ProfileHeader({ student, referral, settings, onBack, onShowContacts, onShowBoundaries }: ProfileHeaderProps) {
  const now = useNow();
  const firstContact = referral && firstContactState({ receivedAt: referral.receivedAt, firstContactAt: firstSuccessfulContactAt(referral.contacts) }, now);
  // Only a student still waiting for first contact needs the clock on the header.
  const showClock = firstContact && student.status === 'referred' && firstContact.state !== 'contacted';
  const facts = [student.preferredName && `Prefers “${student.preferredName}”`, student.pronouns, student.studentNumber, student.institution].filter(Boolean);

  return (
    <Stack gap="xs">
      <Group>
        <Tooltip label="Back to the caseload (Esc)">
          <Button variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            Caseload
          </Button>
        </Tooltip>
      </Group>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1}>{student.fullName}</Title>
            <StatusBadge status={student.status} size="lg" />
            {showClock && (
              <Badge
                component="button"
                type="button"
                onClick={onShowContacts}
                color={firstContactColors[firstContact.state]}
                variant={firstContact.state === 'overdue' ? 'filled' : 'light'}
                size="lg"
                style={{ cursor: 'pointer' }}
                data-testid="first-contact-badge"
              >
                First contact: {firstContactLabel(firstContact.state, firstContact.dueAt, now)}
              </Badge>
            )}
            <ConfidentialityFlag studentId={student.id} onOpen={onShowBoundaries} />
          </Group>
          {facts.length > 0 && <Text c="dimmed">{facts.join(' · ')}</Text>}
        </Stack>
        <Box style={{ flexShrink: 0 }}>
          <EmailStudentButton student={student} settings={settings} />
        </Box>
      </Group>
    </Stack>
  );
}
