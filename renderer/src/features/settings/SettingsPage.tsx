import { Divider, Stack, Title } from '@mantine/core';
import { AuditLog } from './AuditLog';
import { Availability } from './Availability';
import { Deadlines } from './Deadlines';
import { SurveyQuestions } from './SurveyQuestions';
import { Backups } from './Backups';
import { ChangePassphrase } from './ChangePassphrase';
import { FirstContactEmail } from './FirstContactEmail';
import { HandbookList } from './HandbookList';
import { KeepingRecords } from './KeepingRecords';
import { NewRecoveryKey } from './NewRecoveryKey';
import { ProviderLogo } from './ProviderLogo';
import { QuickUnlock } from './QuickUnlock';
import { ServiceAgreementTemplate } from './ServiceAgreementTemplate';
import { SettingsSection } from './SettingsSection';
import { VaultCheck } from './VaultCheck';
import { YourDetails } from './YourDetails';

export function SettingsPage() {
  return (
    <Stack maw={900} gap="lg">
      <Title order={1}>Settings</Title>
      <SettingsSection title="Your details" description="Shown on the paperwork you produce and in the emails you send students.">
        <YourDetails />
      </SettingsSection>
      <SettingsSection
        title="Your availability"
        description="When you can see students: your usual week, and dates that differ. The week page and the weekly availability email to your coordinator use it."
      >
        <Availability />
      </SettingsSection>
      <SettingsSection
        title="First-contact email"
        description="The email “Email student” opens in your mail program, ready to send to a newly referred student."
      >
        <FirstContactEmail />
      </SettingsSection>
      <SettingsSection
        title="Service agreement"
        description="The wording of the agreement each student signs at the start of an academic year. Agreements already made keep the wording they were made with."
      >
        <ServiceAgreementTemplate />
      </SettingsSection>
      <SettingsSection
        title="Mentoring guidelines"
        description="Gone through with each student, one by one, in the first session. Reword, reorder, add or remove them to match your handbook."
      >
        <HandbookList field="mentoringGuidelines" />
      </SettingsSection>
      <SettingsSection
        title="Boundaries"
        description="The professional boundaries you confirm with each student on their Boundaries tab. A student whose list is already confirmed keeps the wording they confirmed."
      >
        <HandbookList field="boundaryItems" />
      </SettingsSection>
      <SettingsSection title="Provider logo" description="Printed at the top of every PDF you export.">
        <ProviderLogo />
      </SettingsSection>
      <SettingsSection
        title="Calendar and deadlines"
        description="The dates on your calendar and the home screen: surveys, timesheets, your weekly email and the start-of-year tasks. Add your provider’s own."
      >
        <Deadlines />
      </SettingsSection>
      <SettingsSection title="Survey questions" description="What each survey asks. Change the wording to your provider’s own; each question keeps its column in the exports.">
        <SurveyQuestions />
      </SettingsSection>
      <SettingsSection title="Keeping records" description="How long a student’s records are kept once you have stopped working with them.">
        <KeepingRecords />
      </SettingsSection>
      <SettingsSection title="Security">
        <Title order={3} size="h5">
          Change passphrase
        </Title>
        <ChangePassphrase />
        <Divider my="xs" />
        <Title order={3} size="h5">
          Recovery key
        </Title>
        <NewRecoveryKey />
        <Divider my="xs" />
        <Title order={3} size="h5">
          Quick unlock
        </Title>
        <QuickUnlock />
      </SettingsSection>
      <SettingsSection
        title="Backups"
        description="Encrypted copies Mentor Desk keeps as you work: recent copies, and one for each day."
      >
        <Backups />
      </SettingsSection>
      <SettingsSection title="Check vault" description="Opens every stored document and checks it has not been altered or damaged.">
        <VaultCheck />
      </SettingsSection>
      <SettingsSection
        title="Audit log"
        description="A tamper-evident record of every change. Deleted students appear as deletions, without their details."
      >
        <AuditLog />
      </SettingsSection>
    </Stack>
  );
}
