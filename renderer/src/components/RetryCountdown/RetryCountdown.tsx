import { Text } from '@mantine/core';

/** After too many wrong passphrases: how long until the next try is accepted (nothing once it is). */
export function RetryCountdown({ seconds }: { seconds: number }) {
  if (seconds <= 0) return null;
  return (
    <Text c="red.8" fw={600}>
      Try again in {seconds} {seconds === 1 ? 'second' : 'seconds'}
    </Text>
  );
}
