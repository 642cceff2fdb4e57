import { describe, expect, it } from 'vitest';
import { firstContactDueAt, firstContactState, firstSuccessfulContactAt } from '../../../shared/domain/firstContact';
import { isDueForDeletion, retentionDueAt } from '../../../shared/domain/retention';
import { fillTemplate, firstContactMailto } from '../../../shared/domain/template';
import { defaultFirstContactTemplate } from '../../../shared/schemas/settings';

const received = Date.UTC(2026, 10, 23, 9, 15); // Monday 23 November 2026, 09:15
const HOUR = 3_600_000;

describe('the 24-hour first contact', () => {
  it('is due 24 hours after the referral arrived', () => {
    expect(new Date(firstContactDueAt(received)).toISOString()).toBe('2026-11-24T09:15:00.000Z');
  });

  it('is waiting, then due soon in its last six hours, then overdue once the due time passes', () => {
    const r = { receivedAt: received, firstContactAt: null };
    expect(firstContactState(r, received + 1 * HOUR).state).toBe('waiting');
    expect(firstContactState(r, received + 18 * HOUR - 1).state).toBe('waiting');
    expect(firstContactState(r, received + 18 * HOUR).state).toBe('due-soon');
    expect(firstContactState(r, received + 24 * HOUR - 1).state).toBe('due-soon');
    expect(firstContactState(r, received + 24 * HOUR).state).toBe('overdue');
    expect(firstContactState(r, received + 72 * HOUR).state).toBe('overdue');
  });

  it('only a successful contact stops the clock: voicemails and unanswered calls do not', () => {
    const attempts = [
      { at: received + 2 * HOUR, outcome: 'no-answer' as const },
      { at: received + 3 * HOUR, outcome: 'left-voicemail' as const },
      { at: received + 5 * HOUR, outcome: 'message-sent' as const },
    ];
    expect(firstSuccessfulContactAt(attempts)).toBeNull();
    expect(firstContactState({ receivedAt: received, firstContactAt: firstSuccessfulContactAt(attempts) }, received + 25 * HOUR).state).toBe('overdue');
    const withReply = [...attempts, { at: received + 30 * HOUR, outcome: 'replied' as const }, { at: received + 26 * HOUR, outcome: 'spoke' as const }];
    expect(firstSuccessfulContactAt(withReply)).toBe(received + 26 * HOUR);
    expect(firstContactState({ receivedAt: received, firstContactAt: received + 26 * HOUR }, received + 40 * HOUR).state).toBe('contacted');
  });
});

describe('retention', () => {
  it('is due six years after the last contact, or after the record was made if there was none', () => {
    const last = Date.UTC(2020, 5, 30);
    expect(new Date(retentionDueAt({ lastContactAt: last, createdAt: 0 }, 6)).toISOString().slice(0, 10)).toBe('2026-06-30');
    expect(isDueForDeletion({ lastContactAt: last, createdAt: 0 }, 6, Date.UTC(2026, 5, 29))).toBe(false);
    expect(isDueForDeletion({ lastContactAt: last, createdAt: 0 }, 6, Date.UTC(2026, 5, 30))).toBe(true);
    expect(new Date(retentionDueAt({ lastContactAt: null, createdAt: Date.UTC(2019, 0, 2) }, 7)).toISOString().slice(0, 10)).toBe('2026-01-02');
  });

  it('a last contact on 29 February is due on 1 March', () => {
    expect(new Date(retentionDueAt({ lastContactAt: Date.UTC(2024, 1, 29), createdAt: 0 }, 6)).toISOString().slice(0, 10)).toBe('2030-03-01');
  });
});

describe('the first-contact email', () => {
  it('fills the placeholders, and leaves a visible gap for a missing one', () => {
    expect(fillTemplate('Dear {{studentName}}, I am {{ mentorName }} ({{mentorPhone}})', { studentName: 'Zoë', mentorName: 'Priya', mentorPhone: '' })).toBe(
      'Dear Zoë, I am Priya ([mentorPhone])',
    );
  });

  it('opens the mail app with the student’s address, the subject and the filled message', () => {
    const link = firstContactMailto(defaultFirstContactTemplate, {
      student: { fullName: 'Siobhán Ní Bhriain', preferredName: '', email: 'siobhan.nibhriain@example.ac.uk' },
      mentor: { mentorName: 'Priya Shah', mentorEmail: 'priya@example.org', mentorPhone: '07700 900123', providerName: 'Learning Support' },
    });
    const url = new URL(link);
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('siobhan.nibhriain@example.ac.uk');
    const body = url.searchParams.get('body')!;
    expect(url.searchParams.get('subject')).toBe(defaultFirstContactTemplate.subject);
    expect(body.startsWith('Dear Siobhán,\r\n')).toBe(true);
    expect(body).toContain('I am Priya Shah, your specialist mentor with Learning Support.');
    expect(body).toContain('call me on 07700 900123');
    expect(body).not.toContain('{{');
  });

  it('a student email cannot smuggle extra headers into the link', () => {
    const link = firstContactMailto(defaultFirstContactTemplate, {
      student: { fullName: 'A B', preferredName: '', email: 'a@example.ac.uk?bcc=evil@example.com' },
      mentor: { mentorName: 'P', mentorEmail: '', mentorPhone: '', providerName: '' },
    });
    expect(new URL(link).searchParams.get('bcc')).toBeNull();
  });
});
