import { crc32, deflateSync } from 'node:zlib';
import type { FormDocument } from '../../../electron/main/backend/documents';
import type { Signature } from '../../../electron/main/backend/documents/signature';

export const NAMES = {
  zoe: 'Zoë Adams',
  siobhan: 'Siobhán Ní Bhriain',
  lukasz: 'Łukasz Nowak',
  nunez: 'Inés Ñúñez',
  tamil: 'கார்த்திக் சுப்பிரமணியம்',
  devanagari: 'प्रिया शर्मा',
} as const;

/** A content hash as shared/domain/canonical makes them: lower-case hex SHA-256. */
export const HASH = '3f9a12bc77de0a91c4e5b6f7081a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c';

/** 11 March 2026, 14:05 GMT and 2 April 2026, 10:30 BST. */
export const SIGNED_GMT = Date.UTC(2026, 2, 11, 14, 5);
export const SIGNED_BST = Date.UTC(2026, 3, 2, 9, 30);

/** A flowing, signature-like scrawl on a 400 × 150 pad (y down), plus an underline stroke. */
export function scrawl(seed: number): Signature['strokes'] {
  const main: { x: number; y: number }[] = [];
  for (let i = 0; i <= 160; i++) {
    const t = i / 160;
    const loops = 5 + (seed % 3);
    main.push({
      x: 30 + t * 300 + 14 * Math.cos(t * Math.PI * 2 * loops + seed),
      y: 78 - 34 * Math.sin(t * Math.PI * 2 * loops) * (1 - 0.6 * t) - 10 * Math.sin(t * Math.PI),
    });
  }
  const underline = [
    { x: 40, y: 122 },
    { x: 180, y: 116 },
    { x: 350, y: 112 },
  ];
  return [main, underline, [{ x: 360, y: 60 }]];
}

export function signature(signerName: string, role: Signature['role'], signedAt: number, seed = 1): Signature {
  return { strokes: scrawl(seed), width: 400, height: 150, signerName, role, signedAt, contentHash: HASH };
}

/** A 96 × 96 PNG logo (a blue disc with a white ring), made here so no image file is needed. */
export function logoPng(): Uint8Array {
  const size = 96;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const ring = d > 26 && d < 33;
      const inside = d < 46;
      raw[o] = ring ? 255 : 31;
      raw[o + 1] = ring ? 255 : 74;
      raw[o + 2] = ring ? 255 : 125;
      raw[o + 3] = inside ? 255 : 0;
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

export const RECORD = {
  id: 'agr_01JQ8Z',
  kind: 'service-agreement',
  studentRef: 'S-2026-0142',
  student: { name: NAMES.zoe, preferredName: 'Zoë', otherNames: [NAMES.tamil, NAMES.devanagari] },
  mentor: NAMES.siobhan,
  hoursAgreed: 36,
  support: { notes: 'Study planning; exam anxiety', fundedBy: 'DSA' },
  startDate: '2026-03-11',
  nested: { list: [1, 2.5, null, true, 'Ł'], empty: {} },
};

/** The demo service agreement: every block type, every script, two signatures, and a logo. */
export function sampleForm(options: { logo?: boolean; signatures?: boolean } = {}): FormDocument {
  const terms = [
    'Mentoring sessions are one hour long and take place at an agreed time, in person on campus or online. ' +
      'The mentor will confirm each session by email at least one working day before it takes place.',
    'If you cannot attend, please tell your mentor at least 24 hours before the session. Sessions missed without notice ' +
      'may still count towards the hours funded by your Disabled Students’ Allowance, and three in a row will prompt a review of this agreement.',
    'Everything you discuss is confidential, except where there is a risk of serious harm to you or to others. In that case your mentor ' +
      'will follow the safeguarding procedure and, wherever possible, talk with you first.',
  ];
  return {
    title: 'Service agreement',
    subtitle: `Student S-2026-0142 · ${NAMES.zoe} · from 11 March 2026`,
    provider: { name: 'Brightpath Mentoring Ltd', ...(options.logo === false ? {} : { logo: logoPng() }) },
    hash: HASH,
    meta: {
      kind: 'service-agreement',
      studentRef: 'S-2026-0142',
      mentor: NAMES.siobhan,
      date: '2026-03-11',
      record: RECORD,
      exportedAt: SIGNED_BST,
    },
    sections: [
      {
        heading: 'Student and mentor',
        blocks: [
          {
            type: 'fields',
            fields: [
              { label: 'Student', value: NAMES.zoe },
              { label: 'Also known as', value: `${NAMES.tamil} · ${NAMES.devanagari}` },
              { label: 'Mixed line', value: `Zoë and प्रिया met with கார்த்திக் on 11/03/2026` },
              { label: 'Mentor', value: NAMES.siobhan },
              { label: 'Emergency contact', value: `${NAMES.lukasz} (brother-in-law), ${NAMES.nunez} (flatmate)` },
              { label: 'Funding', value: 'Disabled Students’ Allowance (DSA), 36 hours at £55.00 per hour' },
              { label: 'Notes', value: '' },
            ],
          },
        ],
      },
      {
        heading: 'Support agreed',
        blocks: [
          {
            type: 'checklist',
            items: [
              { label: 'Study skills and time management', checked: true },
              { label: 'Exam preparation and managing anxiety around assessments', checked: true },
              { label: 'Liaison with the disability service (only with the student’s written consent each time)', checked: false },
              { label: 'Help to organise a long-form dissertation into chapters, with weekly check-ins during the spring term and fortnightly during the summer', checked: true },
            ],
          },
        ],
      },
      {
        heading: 'Session plan',
        blocks: [
          {
            type: 'table',
            columns: [{ header: 'Term', width: 1.2 }, { header: 'Sessions', width: 0.8 }, { header: 'Focus', width: 3 }],
            rows: [
              ['Spring 2026', '12', 'Planning coursework deadlines; a weekly timetable the student owns'],
              ['Summer 2026', '8', 'Revision plan and exam strategies; reasonable adjustments confirmed with the exams office'],
              ['Autumn 2026', '16', `Dissertation chapters with ${NAMES.lukasz} as second reader`],
            ],
          },
        ],
      },
      { heading: 'Terms', blocks: terms.map((text) => ({ type: 'paragraph' as const, text })) },
    ],
    signatures:
      options.signatures === false
        ? []
        : [signature(NAMES.tamil, 'student', SIGNED_GMT, 1), signature(NAMES.siobhan, 'mentor', SIGNED_BST, 2)],
  };
}
