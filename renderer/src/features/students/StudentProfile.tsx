import { Alert, Button, Loader, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { call } from '../../app/client';
import { useNavigate, type ProfileTab } from '../../app/navigation';
import { useLoad } from '../../app/useLoad';
import { AuditTable } from '../../components/AuditTable';
import { AgreementPanel } from '../agreements/AgreementPanel';
import { BoundariesPanel } from '../boundaries/BoundariesPanel';
import { FirstSessionPanel } from '../firstSession/FirstSessionPanel';
import { IlpPanel } from '../ilp/IlpPanel';
import { ContactPanel } from '../referrals/ContactPanel';
import { SessionsPanel } from '../sessions/SessionsPanel';
import { ConsentPanel } from './ConsentPanel';
import { DetailsPanel } from './DetailsPanel';
import { ProfileHeader } from './ProfileHeader';
import { StatusPanel } from './StatusPanel';
import { useEscapeToLeave } from './useEscapeToLeave';

/** One student: details, status, consent, contacts, service agreements and history, each on its own tab. */
export function StudentProfile({
  studentId,
  initialTab = 'details',
  initialAgreementId,
}: {
  studentId: string;
  initialTab?: ProfileTab;
  initialAgreementId?: string | undefined;
}) {
  const navigate = useNavigate();
  const [tab, setTab] = useState<ProfileTab>(initialTab);
  const [editing, setEditing] = useState(false);
  const record = useLoad(async () => {
    const [student, referral] = await Promise.all([call('students:get', { id: studentId }), call('referrals:get', { studentId })]);
    return { student, referral };
  });
  const settings = useLoad(() => call('settings:get', {}));
  const history = useLoad(() => call('audit:list', { limit: 200, recordId: studentId }));
  const back = () => navigate({ page: 'students' });
  useEscapeToLeave(!editing, back);

  if (record.error) {
    return (
      <Alert color="red" title="Could not open this student">
        {record.error}
        <Button mt="sm" size="xs" variant="light" onClick={() => void record.reload()}>
          Try again
        </Button>
        <Button mt="sm" ml="xs" size="xs" variant="subtle" onClick={back}>
          Back to the caseload
        </Button>
      </Alert>
    );
  }
  if (!record.data) return <Loader aria-label="Loading student" />;

  const { student, referral } = record.data;
  const refresh = async () => {
    await Promise.all([record.reload(), history.reload()]);
  };

  return (
    <Stack maw={1100} gap="lg">
      <ProfileHeader student={student} referral={referral} settings={settings.data} onBack={back} onShowContacts={() => setTab('contact')} onShowBoundaries={() => setTab('boundaries')} />
      <Tabs value={tab} onChange={(next) => next && setTab(next as ProfileTab)}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="contact">Contact log</Tabs.Tab>
          <Tabs.Tab value="status">Status</Tabs.Tab>
          <Tabs.Tab value="consent">Consent</Tabs.Tab>
          <Tabs.Tab value="agreement">Agreement</Tabs.Tab>
          <Tabs.Tab value="firstSession">First session</Tabs.Tab>
          <Tabs.Tab value="ilp">Learning plan</Tabs.Tab>
          <Tabs.Tab value="sessions">Sessions</Tabs.Tab>
          <Tabs.Tab value="boundaries">Boundaries</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <DetailsPanel
            student={student}
            referralText={referral?.pastedText ?? ''}
            editing={editing}
            onEditingChange={setEditing}
            onSaved={refresh}
            onDeleted={back}
          />
        </Tabs.Panel>
        <Tabs.Panel value="contact">
          <ContactPanel student={student} referral={referral} onChanged={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="status">
          <StatusPanel student={student} onChanged={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="consent">
          <ConsentPanel student={student} onChanged={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="agreement">
          <AgreementPanel studentId={studentId} initialAgreementId={initialAgreementId} />
        </Tabs.Panel>
        <Tabs.Panel value="firstSession">
          <FirstSessionPanel
            student={student}
            onEditDetails={() => {
              setTab('details');
              setEditing(true);
            }}
            onOpenAgreements={() => setTab('agreement')}
          />
        </Tabs.Panel>
        <Tabs.Panel value="ilp">
          <IlpPanel student={student} />
        </Tabs.Panel>
        <Tabs.Panel value="sessions">
          <SessionsPanel student={student} onChanged={refresh} />
        </Tabs.Panel>
        <Tabs.Panel value="boundaries">
          <BoundariesPanel studentId={studentId} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          {history.error && (
            <Alert color="red" title="Could not load the history">
              {history.error}
            </Alert>
          )}
          {history.data && <AuditTable entries={history.data.entries} caption="Every change to this student’s record, newest first" />}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
