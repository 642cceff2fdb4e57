import type { EmailTemplate } from '../schemas/settings';

/** Fills `{{name}}` placeholders; an unknown or empty one becomes a visible gap to fill by hand. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{\s*([a-zA-Z]+)\s*\}\}/g, (_, name: string) => values[name]?.trim() || `[${name}]`);
}

export const TEMPLATE_PLACEHOLDERS = ['studentName', 'studentFullName', 'mentorName', 'mentorEmail', 'mentorPhone', 'providerName'] as const;

export interface FirstContactPeople {
  student: { fullName: string; preferredName: string; email: string };
  mentor: { mentorName: string; mentorEmail: string; mentorPhone: string; providerName: string };
}

/** A mailto: link that opens the user's mail app with the first-contact message filled in. */
export function firstContactMailto(template: EmailTemplate, people: FirstContactPeople): string {
  const values = {
    studentName: people.student.preferredName || people.student.fullName.split(/\s+/)[0] || people.student.fullName,
    studentFullName: people.student.fullName,
    mentorName: people.mentor.mentorName,
    mentorEmail: people.mentor.mentorEmail,
    mentorPhone: people.mentor.mentorPhone,
    providerName: people.mentor.providerName,
  };
  const subject = encodeURIComponent(fillTemplate(template.subject, values));
  // Mail apps expect CRLF line breaks in a mailto body.
  const body = encodeURIComponent(fillTemplate(template.body, values).replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(people.student.email).replace(/%40/g, '@')}?subject=${subject}&body=${body}`;
}
