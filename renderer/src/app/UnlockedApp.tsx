import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome, IconLock, IconSettings, IconUsers } from '@tabler/icons-react';
import { useState, type ComponentType } from 'react';
import { Home } from '../features/home/Home';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StudentsPage } from '../features/students/StudentsPage';
import { call } from './client';
import { notifyError } from './feedback';
import { NavigationContext, type Page } from './navigation';
import { useSession } from './session';
import { useActivityTouch } from './useActivityTouch';

const PAGES: { page: Page; label: string; icon: ComponentType<{ size?: number }> }[] = [
  { page: 'home', label: 'Home', icon: IconHome },
  { page: 'students', label: 'Students', icon: IconUsers },
  { page: 'settings', label: 'Settings', icon: IconSettings },
];

/**
 * Everything that may hold decrypted records lives under this component. App unmounts it the moment
 * the vault locks, which is what clears every record from memory the renderer controls.
 */
export function UnlockedApp() {
  const { applyStatus } = useSession();
  const [page, setPage] = useState<Page>('home');
  const [navbarOpen, navbar] = useDisclosure(false);
  const [locking, setLocking] = useState(false);
  useActivityTouch();

  const lock = async () => {
    setLocking(true);
    try {
      applyStatus(await call('vault:lock', {}));
    } catch (err) {
      notifyError('Could not lock', err);
      setLocking(false);
    }
  };

  const go = (next: Page) => {
    setPage(next);
    navbar.close();
  };

  return (
    <NavigationContext.Provider value={go}>
      <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navbarOpen } }} padding="lg">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between">
            <Group gap="sm">
              <Burger opened={navbarOpen} onClick={navbar.toggle} hiddenFrom="sm" size="sm" aria-label="Show or hide the menu" />
              <Text fw={700} size="lg">
                Mentor Desk
              </Text>
            </Group>
            <Button variant="default" leftSection={<IconLock size={16} />} onClick={() => void lock()} loading={locking}>
              Lock
            </Button>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" component="nav" aria-label="Main">
          {PAGES.map(({ page: target, label, icon: Icon }) => (
            <NavLink
              key={target}
              component="button"
              label={label}
              leftSection={<Icon size={18} />}
              active={page === target}
              aria-current={page === target ? 'page' : undefined}
              onClick={() => go(target)}
            />
          ))}
        </AppShell.Navbar>
        <AppShell.Main>
          {page === 'home' && <Home />}
          {page === 'students' && <StudentsPage />}
          {page === 'settings' && <SettingsPage />}
        </AppShell.Main>
      </AppShell>
    </NavigationContext.Provider>
  );
}
