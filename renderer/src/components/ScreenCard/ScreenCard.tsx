import { Box, Container, Group, Paper, Text, ThemeIcon, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface ScreenCardProps {
  title: string;
  children: ReactNode;
  /** Wider for screens with tables (damaged vault, backups). @default 'xs' */
  size?: 'xs' | 'sm' | 'md';
}

/** The centred card every screen outside the unlocked app uses: first run, unlock, damaged vault. */
export function ScreenCard({ title, children, size = 'xs' }: ScreenCardProps) {
  return (
    <Box bg="var(--mantine-color-gray-0)" mih="100vh" py="xl">
      <Container size={size === 'xs' ? 520 : size === 'sm' ? 680 : 860}>
        <Group gap="xs" mb="md" justify="center">
          <ThemeIcon variant="light" radius="xl" size="lg" aria-hidden>
            <IconLock size={20} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            Mentor Desk
          </Text>
        </Group>
        <Paper withBorder shadow="sm" p="xl" component="main">
          <Title order={1} size="h2" mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Container>
    </Box>
  );
}
