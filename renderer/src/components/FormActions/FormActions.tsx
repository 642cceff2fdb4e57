import { Button, Group, Text } from '@mantine/core';

interface FormActionsProps {
  /** What went wrong with the last attempt, shown above the button and announced to screen readers. */
  error: string | null;
  busy: boolean;
  submitLabel: string;
  /** When given, a Cancel button before the submit button. */
  onCancel?: () => void;
}

/** The end of a small form: the error from the last attempt, then Cancel (if any) and its submit button on the right. */
export function FormActions({ error, busy, submitLabel, onCancel }: FormActionsProps) {
  return (
    <>
      {error && (
        <Text c="red" size="sm" mt="xs" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" mt="sm" gap="xs">
        {onCancel && (
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
