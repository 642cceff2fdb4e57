import { Alert, Button, Group, List, Text, Textarea } from '@mantine/core';
import { IconWand } from '@tabler/icons-react';

interface PasteReferralProps {
  text: string;
  onTextChange(text: string): void;
  onExtract(): void;
  /** After "Fill in the form": how many fields were filled, and what the mentor should check. */
  outcome: { filled: number; warnings: string[]; kept: string[] } | null;
}

export function PasteReferral({ text, onTextChange, onExtract, outcome }: PasteReferralProps) {
  return (
    <>
      <Textarea
        label="Referral email"
        description="Paste the whole email, headers and all. It is kept, encrypted, with the referral."
        placeholder="Paste the referral email here"
        autosize
        minRows={6}
        maxRows={18}
        maxLength={50_000}
        value={text}
        onChange={(e) => onTextChange(e.currentTarget.value)}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
      />
      <Group>
        <Button leftSection={<IconWand size={16} />} onClick={onExtract} disabled={!text.trim()}>
          Fill in the form from the email
        </Button>
        <Text size="sm" c="dimmed">
          Nothing is saved until you choose “Save referral”.
        </Text>
      </Group>
      {outcome && (
        <Alert color={outcome.filled ? 'blue' : 'yellow'} title={outcome.filled ? `${outcome.filled} details found` : 'No details found'} role="status">
          <Text size="sm">
            {outcome.filled
              ? 'They are highlighted in the form below. Check each one against the email and correct anything wrong before saving.'
              : 'Fill in the student’s details by hand below.'}
          </Text>
          {(outcome.warnings.length > 0 || outcome.kept.length > 0) && (
            <List size="sm" mt="xs" spacing={2} data-testid="extract-warnings">
              {outcome.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
              {outcome.kept.map((k) => (
                <List.Item key={k}>{k}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </>
  );
}
