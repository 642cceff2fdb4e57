import { Box, Group, List, Progress, Text } from '@mantine/core';
import type { PassphraseAssessment } from '../../../../shared/domain/passphrase';

const LEVELS = [
  { label: 'Very weak', color: 'red' },
  { label: 'Weak', color: 'red' },
  { label: 'Fair', color: 'orange' },
  { label: 'Strong', color: 'teal' },
  { label: 'Very strong', color: 'green' },
] as const;

interface PassphraseStrengthProps {
  /** From assessPassphrase; null while nothing has been typed. */
  assessment: PassphraseAssessment | null;
}

/** A live strength meter: colour and score for a glance, reasons and suggestions for what to change. */
export function PassphraseStrength({ assessment }: PassphraseStrengthProps) {
  if (!assessment) {
    return (
      <Text size="sm" c="dimmed">
        At least 12 characters. Four or more unrelated words are strong and easy to remember.
      </Text>
    );
  }
  const level = LEVELS[assessment.score];
  return (
    <Box aria-live="polite" data-testid="passphrase-strength">
      <Group justify="space-between" mb={4}>
        <Text size="sm" fw={600}>
          Strength: {level.label}
        </Text>
        <Text size="sm" c={assessment.ok ? 'teal.8' : 'red.8'}>
          {assessment.ok ? 'Good enough to use' : 'Not strong enough yet'}
        </Text>
      </Group>
      <Progress
        value={(assessment.score + 1) * 20}
        color={level.color}
        size="md"
        aria-label={`Passphrase strength: ${level.label}`}
      />
      {assessment.reasons.length > 0 && (
        <List size="sm" mt="xs" c="red.9" spacing={2}>
          {assessment.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
      )}
      {assessment.suggestions.length > 0 && (
        <List size="sm" mt="xs" c="dimmed" spacing={2}>
          {assessment.suggestions.map((suggestion) => (
            <List.Item key={suggestion}>{suggestion}</List.Item>
          ))}
        </List>
      )}
    </Box>
  );
}
