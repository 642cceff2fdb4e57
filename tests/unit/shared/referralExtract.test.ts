import { describe, expect, it } from 'vitest';
import { extractReferral, MAX_REFERRAL_CHARS, type ReferralField } from '../../../shared/domain/referral';
import { Funding } from '../../../shared/schemas/student';

/*
 * Sample referrals, all invented: people, numbers (Ofcom's drama ranges) and addresses
 * (example.ac.uk / example.org). Each is written the way a different sender writes.
 */

/** A provider office forwards a university disability service's email (Outlook style). */
const forwardedFromDisabilityService = `Hi Sam,

Could you pick this one up? Details from the university below.

Thanks,
Priya

Priya Sharma | Referrals Coordinator
Northway Mentoring
Tel: 0113 496 0000
priya.sharma@example.org

From: Anna Patel <anna.patel@example.ac.uk>
Sent: 14 September 2026 09:12
To: Referrals <referrals@example.org>
Subject: New referral – Zoë O'Connor

Dear colleagues,

Please find below a new referral for specialist mentoring.

Student name: Zoë O'Connor (she/her)
Student ID: U1234567
Student email: zoe.oconnor@example.ac.uk
Mobile: 07700 900123
University: University of Example
Programme: BA (Hons) English Literature
Year of study: 2
Support hours: 30 hours
Hours to be used by: 31/07/2027
Funding: DSA (Student Finance England)

Reason for referral:
Zoë has ADHD and finds it hard to plan her week and start assignments.
She would like regular check-ins during term.

Kind regards,

Anna Patel
Disability Adviser, Student Support Services
University of Example
Tel: 0116 496 0123
Email: anna.patel@example.ac.uk
`;

/** A needs assessor's summary pasted from a Word table: each row is "label<TAB>value". */
const assessorTable = [
  'Subject: Specialist mentoring recommendation',
  '',
  'Good afternoon,',
  '',
  'Following the needs assessment, please see the summary below.',
  '',
  'Student name\tSiobhán Ní Bhriain',
  'Registration number\t20261234',
  'Institution\tExample College of Music',
  'Course\tBMus Performance',
  'Year\tFinal year',
  'Funding body\tStudent Finance England',
  'Hours recommended\t42 hours of specialist mentoring',
  'Expiry\t31 July 2027',
  'Needs assessor\tDr Priya Shah',
  'Assessor email\tp.shah@example.org',
  '',
  'Needs assessment recommendations:',
  '- Weekly 1:1 specialist mentoring (autism)',
  '- Support with routines around rehearsals and deadlines',
  '',
  'Best wishes,',
  'Dr Priya Shah',
  'Example Assessment Centre',
  '0161 496 0777',
].join('\n');

/** A coordinator writes in sentences, forwarded through Gmail, with no labelled lines for the student. */
const proseEmail = `---------- Forwarded message ---------
From: Student Mentoring <mentoring@example.ac.uk>
Date: Mon, 21 Sep 2026 at 10:04
Subject: Referral for Łukasz Nowak
To: <bookings@example.org>

Hello,

I'd like to refer Łukasz Nowak to you. He is a second-year student studying BEng Mechanical Engineering at the University of Example.
He has been allocated 25 hours of specialist mentoring through his DSA, which must be used by 30/06/2027.
His email is lukasz.nowak@example.ac.uk and his mobile is 07700 900456.

Many thanks
Gemma
Student Mentoring Team
University of Example
0116 496 0555 | mentoring@example.ac.uk
`;

/** A provider's intake form with sections: the referrer's and emergency contact's details are not the student's. */
const sectionedForm = `REFERRAL FORM

Referrer details
Name - Tom Hughes
Email - t.hughes@example.org
Phone - 0113 496 0999

Student details
Name - Amara Okafor-Reid
Email address - amara.okafor-reid@example.ac.uk
Tel/Mobile/Phone - 07700 900789
Student ID/Student number - B00123456
University/Institution/College - Example Metropolitan University
Course/Programme - Degree Apprenticeship in Digital Technology
Year - 1st year
No. of hours - 20 hrs
Deadline - 31st March 2027
Funding - Access to Work

Emergency contact
Name - Grace Reid
Phone - 07700 900111

Disability:
Dyslexia and dyspraxia
`;

/** A reply chain quoted with ">", values on the line under each label, a subject carrying the ID. */
const quotedReplyChain = `Thanks - we'll allocate a mentor this week.

On Tue, 22 Sep 2026 at 14:30, Disability Team <disability@example.ac.uk> wrote:
> From: Disability Team <disability@example.ac.uk>
> Subject: RE: FW: DSA Mentoring Referral: Mohammed Al-Rashid (S2026123)
>
> Hi both,
>
> Year of study
> Final year
>
> Support hours
> 40
>
> Deadline
> end of July 2027
>
> Reason for referral:
> Mohammed has a diagnosis of autism and social anxiety.
> He would benefit from help preparing for his dissertation viva.
>
> His uni email is m.al-rashid@example.ac.uk if you need it.
`;

/** A terse note from an assessment centre: surname first in capitals, a combined contact line, Scottish funding. */
const terseNote = `Student: O'BRIEN, Ciarán
Contact: ciaran.obrien@example.ac.uk / +44 7700 900321
Institution - Example College of Art
Course & year: MA Illustration, Year 1
Hrs: 12.5 hrs
Funding: SAAS
expiry - 31.07.27
`;

/** A short email with two email addresses labelled for the student and a mistyped phone number. */
const conflicting = `Name: Jane Smith
Email: jane.smith@example.ac.uk
Phone: 07700 90012
Personal email: janesmith@example.org
`;

function valuesOf(text: string) {
  return extractReferral(text).fields;
}

function lineOf(text: string, field: ReferralField) {
  return extractReferral(text).found.find((f) => f.field === field);
}

describe('reading a referral email', () => {
  it('a forwarded disability-service email: the student’s details, not the sender’s or the office’s', () => {
    const result = extractReferral(forwardedFromDisabilityService);
    expect(result.fields).toEqual({
      fullName: 'Zoë O\'Connor',
      pronouns: 'she/her',
      email: 'zoe.oconnor@example.ac.uk',
      phone: '07700 900123',
      studentNumber: 'U1234567',
      institution: 'University of Example',
      course: 'BA (Hons) English Literature',
      yearOfStudy: 'Year 2',
      allocatedHours: 30,
      hoursDeadline: '2027-07-31',
      funding: 'dsa',
      supportNeeds: 'Zoë has ADHD and finds it hard to plan her week and start assignments.\nShe would like regular check-ins during term.',
    });
    expect(result.warnings).toEqual([]);
    expect(lineOf(forwardedFromDisabilityService, 'fullName')).toEqual({ field: 'fullName', value: "Zoë O'Connor", line: 22, confidence: 'high' });
    expect(lineOf(forwardedFromDisabilityService, 'supportNeeds')?.line).toBe(33);
  });

  it('a needs assessor’s table pasted with tabs, leaving out the assessor’s own email', () => {
    const result = extractReferral(assessorTable);
    expect(result.fields).toEqual({
      fullName: 'Siobhán Ní Bhriain',
      studentNumber: '20261234',
      institution: 'Example College of Music',
      course: 'BMus Performance',
      yearOfStudy: 'Final year',
      funding: 'dsa',
      allocatedHours: 42,
      hoursDeadline: '2027-07-31',
      supportNeeds: '- Weekly 1:1 specialist mentoring (autism)\n- Support with routines around rehearsals and deadlines',
    });
    expect(result.fields.email).toBeUndefined();
    expect(result.fields.phone).toBeUndefined();
    expect(lineOf(assessorTable, 'hoursDeadline')).toEqual({ field: 'hoursDeadline', value: '2027-07-31', line: 14, confidence: 'high' });
  });

  it('an email written in sentences: everything found is marked for checking, and the office’s details are left out', () => {
    const result = extractReferral(proseEmail);
    expect(result.fields).toEqual({
      fullName: 'Łukasz Nowak',
      email: 'lukasz.nowak@example.ac.uk',
      phone: '07700 900456',
      institution: 'University of Example',
      course: 'BEng Mechanical Engineering',
      yearOfStudy: 'Year 2',
      allocatedHours: 25,
      hoursDeadline: '2027-06-30',
      funding: 'dsa',
    });
    expect(result.found.every((f) => f.confidence === 'medium')).toBe(true);
    expect(lineOf(proseEmail, 'fullName')?.line).toBe(4);
    expect(lineOf(proseEmail, 'email')?.line).toBe(11);
  });

  it('a form with referrer and emergency contact sections, separated by dashes', () => {
    const result = extractReferral(sectionedForm);
    expect(result.fields).toEqual({
      fullName: 'Amara Okafor-Reid',
      email: 'amara.okafor-reid@example.ac.uk',
      phone: '07700 900789',
      studentNumber: 'B00123456',
      institution: 'Example Metropolitan University',
      course: 'Degree Apprenticeship in Digital Technology',
      yearOfStudy: 'Year 1',
      allocatedHours: 20,
      hoursDeadline: '2027-03-31',
      funding: 'access-to-work',
      supportNeeds: 'Dyslexia and dyspraxia',
    });
    expect(result.warnings).toEqual([]);
    expect(lineOf(sectionedForm, 'fullName')?.line).toBe(9);
  });

  it('a quoted reply chain with values under their labels and the student number in the subject', () => {
    const result = extractReferral(quotedReplyChain);
    expect(result.fields).toEqual({
      fullName: 'Mohammed Al-Rashid',
      studentNumber: 'S2026123',
      email: 'm.al-rashid@example.ac.uk',
      yearOfStudy: 'Final year',
      allocatedHours: 40,
      hoursDeadline: '2027-07-31',
      funding: 'dsa',
      supportNeeds: 'Mohammed has a diagnosis of autism and social anxiety.\nHe would benefit from help preparing for his dissertation viva.',
    });
    expect(lineOf(quotedReplyChain, 'fullName')).toEqual({ field: 'fullName', value: 'Mohammed Al-Rashid', line: 5, confidence: 'medium' });
    expect(lineOf(quotedReplyChain, 'hoursDeadline')?.confidence).toBe('medium');
    expect(result.warnings).toContain('Line 15 gives only a month for the deadline; the last day of that month was used.');
  });

  it('a terse note: surname first in capitals, one contact line with both email and phone', () => {
    const result = extractReferral(terseNote);
    expect(result.fields).toEqual({
      fullName: "Ciarán O'Brien",
      email: 'ciaran.obrien@example.ac.uk',
      phone: '+44 7700 900321',
      institution: 'Example College of Art',
      course: 'MA Illustration',
      yearOfStudy: 'Year 1',
      allocatedHours: 12.5,
      hoursDeadline: '2027-07-31',
      funding: 'dsa',
    });
    expect(lineOf(terseNote, 'fullName')?.confidence).toBe('medium');
    expect(result.warnings).toEqual(['The name on line 1 was written in capitals; check the spelling of “Ciarán O\'Brien”.']);
  });

  it('two emails for the student and a phone number one digit short: the first email is used and both are flagged', () => {
    const result = extractReferral(conflicting);
    expect(result.fields).toEqual({ fullName: 'Jane Smith', email: 'jane.smith@example.ac.uk' });
    expect(result.warnings).toEqual([
      'The phone number on line 3 (“07700 90012”) is not a valid number; it was left out. Check it with the referrer.',
      'Line 2 and line 4 give different emails (“jane.smith@example.ac.uk” and “janesmith@example.org”); the one on line 2 was used. Check which is right.',
    ]);
  });

  it('every funding it gives is one the student record accepts', () => {
    for (const text of [forwardedFromDisabilityService, assessorTable, proseEmail, sectionedForm, quotedReplyChain, terseNote]) {
      const funding = extractReferral(text).fields.funding;
      if (funding) expect(Funding.options).toContain(funding);
    }
  });
});

describe('labels written in other ways', () => {
  it.each([
    ['Name: Jane Smith', 'fullName', 'Jane Smith'],
    ["Student's full name: Jane Smith", 'fullName', 'Jane Smith'],
    ['Surname: Smith\nForename(s): Jane', 'fullName', 'Jane Smith'],
    ['**Student name:** Jane Smith', 'fullName', 'Jane Smith'],
    ['Name: Ms Jane Smith', 'fullName', 'Jane Smith'],
    ['E-mail: jane.smith@example.ac.uk', 'email', 'jane.smith@example.ac.uk'],
    ['Tel. 07700 900123', 'phone', '07700 900123'],
    ['Tel: 07700 900123', 'phone', '07700 900123'],
    ['Reg no: 20261234', 'studentNumber', '20261234'],
    ['Student number: U1234567 (University ID)', 'studentNumber', 'U1234567'],
    ['Hours allocated: 30 hours', 'allocatedHours', 30],
    ['No. of hours: 30', 'allocatedHours', 30],
    ['Support hours: up to 30 hours (£55.00 per hour)', 'allocatedHours', 30],
    ['to be used by: 31/07/2027', 'hoursDeadline', '2027-07-31'],
    ['Expiry date: Friday 31 July 2027', 'hoursDeadline', '2027-07-31'],
    ['Deadline: 2027-07-31', 'hoursDeadline', '2027-07-31'],
    ['Funding: Disabled Students’ Allowance', 'funding', 'dsa'],
    ['Funding: Self-funded', 'funding', 'self-funded'],
    ['Funding: University hardship fund', 'funding', 'institution'],
    ['Funding: Charity grant', 'funding', 'other'],
    ['Year: 2026/27', 'yearOfStudy', undefined],
    ['Year: 3', 'yearOfStudy', 'Year 3'],
    ['Course end date: 30/06/2027', 'hoursDeadline', undefined],
    ['Known as: Jo', 'preferredName', 'Jo'],
  ] as const)('%j gives %s = %j', (text, field, value) => {
    expect(valuesOf(text)[field]).toEqual(value);
  });

  it('a table pasted as one heading row and one row of values', () => {
    const text = 'Name\tStudent ID\tCourse\tHours\nJane Smith\tU7654321\tBSc Psychology\t30';
    expect(valuesOf(text)).toEqual({ fullName: 'Jane Smith', studentNumber: 'U7654321', course: 'BSc Psychology', allocatedHours: 30 });
    expect(extractReferral(text).found.every((f) => f.line === 2)).toBe(true);
  });

  it('a "Referral form" heading is not someone else’s section, but "Referrer details" is', () => {
    expect(valuesOf('REFERRAL FORM\nName: Jane Smith\nEmail: jane.smith@example.ac.uk')).toEqual({ fullName: 'Jane Smith', email: 'jane.smith@example.ac.uk' });
    expect(valuesOf('Referrer details\nName: Tom Hughes\nEmail: t.hughes@example.org')).toEqual({});
  });

  it('two labelled values on one line', () => {
    expect(valuesOf('Name: Jane Smith    Student ID: U1234567')).toEqual({ fullName: 'Jane Smith', studentNumber: 'U1234567' });
  });

  it('a deadline that does not exist is left out with a warning', () => {
    const result = extractReferral('Deadline: 31/02/2027');
    expect(result.fields.hoursDeadline).toBeUndefined();
    expect(result.warnings[0]).toBe('The date on line 1 (“31/02/2027”) is not a real date; it was left out.');
  });

  it('a range of hours is left to the mentor', () => {
    const result = extractReferral('Hours: 20-30 hours');
    expect(result.fields.allocatedHours).toBeUndefined();
    expect(result.warnings[0]).toMatch(/range/);
  });

  it('the sender’s address is not taken even when it is labelled in the body', () => {
    const text = 'From: Anna Patel <anna.patel@example.ac.uk>\nSubject: Referral\n\nName: Jane Smith\nEmail: anna.patel@example.ac.uk';
    expect(valuesOf(text).email).toBeUndefined();
  });

  it('a student number given in brackets in a sentence is taken, marked for checking', () => {
    const text = 'Hello, we’d like to refer Sam Lee (student no. 1234567) for 30 hours of mentoring.';
    expect(lineOf(text, 'studentNumber')).toEqual({ field: 'studentNumber', value: '1234567', line: 1, confidence: 'medium' });
    expect(valuesOf('Her student ID is U7654321 and she starts in October.').studentNumber).toBe('U7654321');
    expect(valuesOf('The student number is not known yet; call 07700 900123.').studentNumber).toBeUndefined();
  });

  it('a shared office mailbox in the body is not the student’s', () => {
    expect(valuesOf('Please reply to disability.services@example.ac.uk with any questions.').email).toBeUndefined();
  });
});

describe('input that is not a referral', () => {
  it.each(['', '   \n\n  ', 'asdf qwerty\n!!!\n12345', '\u0000\u0001\uFFFD'])('%j gives no fields and says so', (text) => {
    const result = extractReferral(text);
    expect(result.fields).toEqual({});
    expect(result.found).toEqual([]);
    expect(result.warnings).toHaveLength(1);
  });

  it('does not throw on values that are not strings', () => {
    expect(extractReferral(undefined as unknown as string).fields).toEqual({});
    expect(extractReferral(42 as unknown as string).fields).toEqual({});
  });

  it('reads a very long paste quickly and says it was cut', () => {
    const long = `Student name: Jane Smith\n${'x'.repeat(5000)}@${'a'.repeat(5000)}\n`.repeat(30) + `${'1 '.repeat(40_000)}`;
    const started = performance.now();
    const result = extractReferral(long);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.fields.fullName).toBe('Jane Smith');
    expect(long.length).toBeGreaterThan(MAX_REFERRAL_CHARS);
    expect(result.warnings).toContain('Only the first 100,000 characters were read.');
  });
});
