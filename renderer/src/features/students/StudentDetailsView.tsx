import { DataList, SimpleGrid, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { activeConsent, fundingLabels, type Student } from '../../../../shared/schemas/student';
import { formatIsoDate } from '../../app/format';

const CONTACT_LABELS = { email: 'Email', phone: 'Phone call', text: 'Text message' } as const;

function Item({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === '' || children === null || children === undefined;
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{empty ? <Text span c="dimmed" size="sm">Not recorded</Text> : children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <Title order={3} size="h5" mb="xs">
        {title}
      </Title>
      <DataList labelWidth="150px" gap="xs">
        {children}
      </DataList>
    </div>
  );
}

/** The student's details as a mentor reads them; "Edit details" swaps in the form. */
export function StudentDetailsView({ student: s }: { student: Student }) {
  const consent = activeConsent(s);
  const emergency = [s.emergencyContact.name, s.emergencyContact.relationship && `(${s.emergencyContact.relationship})`, s.emergencyContact.phone]
    .filter(Boolean)
    .join(' ');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl" verticalSpacing="lg">
      <Section title="About the student">
        <Item label="Full name">{s.fullName}</Item>
        <Item label="Preferred name">{s.preferredName}</Item>
        <Item label="Pronouns">{s.pronouns}</Item>
        <Item label="Student number">{s.studentNumber}</Item>
      </Section>
      <Section title="Studies and funding">
        <Item label="Institution">{s.institution}</Item>
        <Item label="Course">{s.course}</Item>
        <Item label="Year of study">{s.yearOfStudy}</Item>
        <Item label="Funding">{fundingLabels[s.funding]}</Item>
        <Item label="Allocated hours">{s.allocatedHours === null ? '' : `${s.allocatedHours} hours`}</Item>
        <Item label="Hours to be used by">{formatIsoDate(s.hoursDeadline)}</Item>
      </Section>
      <Section title="Contact details">
        <Item label="Email">{s.email}</Item>
        <Item label="Phone">{s.phone}</Item>
        <Item label="Prefers">{CONTACT_LABELS[s.preferredContact]}</Item>
        <Item label="Emergency contact">{emergency}</Item>
      </Section>
      <Section title="Support and notes">
        <Item label="Support needs">
          {consent ? (
            s.supportNeeds && <Text style={{ whiteSpace: 'pre-wrap' }}>{s.supportNeeds}</Text>
          ) : (
            <Text span c="dimmed" size="sm">
              Not kept: no consent on record.
            </Text>
          )}
        </Item>
        <Item label="Mentor notes">{s.mentorNotes && <Text style={{ whiteSpace: 'pre-wrap' }}>{s.mentorNotes}</Text>}</Item>
      </Section>
    </SimpleGrid>
  );
}
