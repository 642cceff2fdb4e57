import { Checkbox, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FIRST_SESSION_TOPICS, firstSessionTopicLabels, type FirstSessionContent, type Tick } from '../../../../shared/schemas/firstSession';
import { confidentialityExceptions } from '../../../../shared/schemas/handbook';
import { formatDateTime, formatIsoDate } from '../../app/format';
import { RecordNote } from '../../components/SignedRecord';

/** The first session record as the student reads it before signing: read-only, every tick with its time. */
export function FirstSessionDocument({ content, label }: { content: FirstSessionContent; label?: string }) {
  return (
    <Paper withBorder p="lg" radius="md" role="document" aria-label={label ?? 'First session record'}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {content.studentName} · {content.mentorName} · {content.providerName} · {formatIsoDate(content.heldOn)}
        </Text>
        <Section title="Mentoring guidelines gone through">
          {content.guidelines.map((g, i) => (
            <TickLine key={i} label={`${i + 1}. ${g.text}`} tick={g.tick} />
          ))}
        </Section>
        <Section title="The first session">
          {FIRST_SESSION_TOPICS.map((topic) => (
            <Stack key={topic} gap={4}>
              <TickLine label={firstSessionTopicLabels[topic]} tick={content.topics[topic]} />
              {topic === 'confidentiality' && (
                <Text size="sm" c="dimmed" pl={30}>
                  The two exceptions: {confidentialityExceptions.map((e, i) => `(${i + 1}) ${e}`).join(' ')}
                </Text>
              )}
            </Stack>
          ))}
        </Section>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <RecordNote title="Expectations" text={content.expectations} />
          <RecordNote title="Strengths" text={content.strengths} />
          <RecordNote title="Challenges" text={content.challenges} />
        </SimpleGrid>
        {content.contactDetails && (
          <Text size="sm">
            Contact details checked: {[content.contactDetails.email, content.contactDetails.phone].filter(Boolean).join(' · ') || 'none on record'}
            {content.contactDetails.emergencyContact.name && ` · emergency contact ${content.contactDetails.emergencyContact.name}`}
          </Text>
        )}
        {content.agreement && <Text size="sm">Service agreement {content.agreement.academicYear} signed by both.</Text>}
        {content.notes && <RecordNote title="Notes" text={content.notes} />}
      </Stack>
    </Paper>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function TickLine({ label, tick }: { label: string; tick: Tick }) {
  return (
    <Checkbox
      readOnly
      checked={tick.done}
      label={label}
      description={tick.at !== null ? `ticked ${formatDateTime(tick.at)}` : 'not ticked'}
      styles={{ input: { cursor: 'default' }, label: { cursor: 'default' } }}
      tabIndex={-1}
    />
  );
}
