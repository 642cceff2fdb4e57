import { AppShell, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconCalendarWeek, IconChartBar, IconHome, IconLock, IconMailForward, IconSettings, IconUsers } from '@tabler/icons-react';
import { useState, type ComponentType } from 'react';
import { CaseloadPage } from '../features/caseload/CaseloadPage';
import { ImportPage } from '../features/caseload/ImportPage';
import { RetentionPage } from '../features/caseload/RetentionPage';
import { defaultFilters, type CaseloadFilters } from '../features/caseload/caseloadQuery';
import { SigningMode } from '../features/signing/SigningMode';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { SurveysPage } from '../features/surveys/SurveysPage';
import { Home } from '../features/home/Home';
import { NewReferralPage } from '../features/referrals/NewReferralPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StudentProfile } from '../features/students/StudentProfile';
import { WeekPage } from '../features/week/WeekPage';
import { call } from './client';
import { notifyError } from './feedback';
import { NavigationContext, SigningContext, type Page, type Route, type SigningRequest } from './navigation';
import { useSession } from './session';
import { useActivityTouch } from './useActivityTouch';

const NAV: { page: Page; label: string; icon: ComponentType<{ size?: number }>; covers: Page[] }[] = [
  { page: 'home', label: 'Home', icon: IconHome, covers: ['home'] },
  { page: 'students', label: 'Students', icon: IconUsers, covers: ['students', 'student', 'import', 'retention'] },
  { page: 'newReferral', label: 'New referral', icon: IconMailForward, covers: ['newReferral'] },
  { page: 'calendar', label: 'Calendar', icon: IconCalendar, covers: ['calendar'] },
  { page: 'week', label: 'My week', icon: IconCalendarWeek, covers: ['week'] },
  { page: 'surveys', label: 'Surveys', icon: IconChartBar, covers: ['surveys'] },
  { page: 'settings', label: 'Settings', icon: IconSettings, covers: ['settings'] },
];

/**
 * Everything that may hold decrypted records lives under this component. App unmounts it the moment
 * the vault locks, which is what clears every record from memory the renderer controls.
 */
export function UnlockedApp() {
  const { applyStatus } = useSession();
  const [route, setRoute] = useState<Route>({ page: 'home' });
  // Kept here so a search survives opening a student and coming back.
  const [filters, setFilters] = useState<CaseloadFilters>(defaultFilters);
  const [navbarOpen, navbar] = useDisclosure(false);
  const [locking, setLocking] = useState(false);
  // Signing mode replaces everything else on screen (DESIGN.md): no header, navigation or caseload.
  const [signing, setSigning] = useState<SigningRequest | null>(null);
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

  const startSigning = (request: SigningRequest) => {
    // A notification about anything else must not stay on screen in front of the student.
    notifications.clean();
    setSigning(request);
    window.scrollTo({ top: 0 });
  };

  const go = (next: Route) => {
    if (next.page === 'students' && next.statuses) setFilters({ ...defaultFilters, statuses: next.statuses });
    setRoute(next);
    navbar.close();
    window.scrollTo({ top: 0 });
  };

  if (signing) {
    return (
      <SigningMode
        request={signing}
        onLeave={() => {
          setSigning(null);
          const { document } = signing;
          setRoute(
            document.kind === 'agreement'
              ? { page: 'student', id: signing.studentId, tab: 'agreement', agreementId: document.agreementId }
              : { page: 'student', id: signing.studentId, tab: document.kind === 'session' ? 'sessions' : document.kind },
          );
          window.scrollTo({ top: 0 });
        }}
      />
    );
  }

  return (
    <NavigationContext.Provider value={go}>
      <SigningContext.Provider value={startSigning}>
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
            {NAV.map(({ page, label, icon: Icon, covers }) => {
              const active = covers.includes(route.page);
              return (
                <NavLink
                  key={page}
                  component="button"
                  label={label}
                  leftSection={<Icon size={18} />}
                  active={active}
                  aria-current={route.page === page ? 'page' : undefined}
                  onClick={() => go({ page } as Route)}
                />
              );
            })}
          </AppShell.Navbar>
          <AppShell.Main>
            {route.page === 'home' && <Home />}
            {route.page === 'students' && <CaseloadPage filters={filters} onFiltersChange={setFilters} />}
            {route.page === 'student' && <StudentProfile key={route.id} studentId={route.id} initialTab={route.tab} initialAgreementId={route.agreementId} />}
            {route.page === 'newReferral' && <NewReferralPage />}
            {route.page === 'import' && <ImportPage />}
            {route.page === 'retention' && <RetentionPage />}
            {route.page === 'calendar' && <CalendarPage />}
            {route.page === 'week' && <WeekPage />}
            {route.page === 'surveys' && <SurveysPage />}
            {route.page === 'settings' && <SettingsPage />}
          </AppShell.Main>
        </AppShell>
      </SigningContext.Provider>
    </NavigationContext.Provider>
  );
}
