import { describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_ROWS,
  normaliseYearOfStudy,
  parseCsv,
  parseFunding,
  parseHours,
  parseUkDate,
  repairPhone,
  suggestMapping,
  validateRows,
} from '../../../shared/domain/csvImport';
import { Funding, StudentDraft } from '../../../shared/schemas/student';

const parseDraft = (input: unknown) => StudentDraft.safeParse(input);

/** An export as a university records system writes it: BOM, CRLF, quoted commas and a quoted line break. */
const recordsExport = [
  '\uFEFFStudent ID,Surname,Forename(s),Email Address,Mobile,Programme,Year of study,Institution,DSA hours,Hours deadline,Funding',
  'U1234567,O\'Connor,Zoë,zoe.oconnor@example.ac.uk,07700 900123,"BA (Hons) English, Film and Media",2,University of Example,30,31/07/2027,DSA',
  'U2345678,Ní Bhriain,Siobhán,s.nibhriain@example.ac.uk,7700900124,BMus Performance,Final,University of Example,42 hrs,31 July 2027,Student Finance England',
  'U3456789,Nowak,Łukasz,lukasz.nowak@example.ac.uk,,"BEng Mechanical\nEngineering",1,University of Example,25.5,,',
  '',
  'U4567890,Smith,Jane,not-an-email,07700 900125,BSc Psychology,3,University of Example,thirty,31/02/2027,DSA',
  'U1234567,O\'Connor,Zoe,zoe.oconnor2@example.ac.uk,,BA English,2,University of Example,30,,DSA',
  'U5678901,Okafor,Amara,ZOE.OCONNOR@example.ac.uk,,BSc Nursing,1,University of Example,,,',
].join('\r\n');

describe('reading the file', () => {
  it('handles a BOM, CRLF, quoted commas and a quoted line break, and keeps blank rows so row numbers match the spreadsheet', () => {
    const { columns, rows, errors } = parseCsv(recordsExport);
    expect(errors).toEqual([]);
    expect(columns[0]).toBe('Student ID');
    expect(columns).toHaveLength(11);
    expect(rows).toHaveLength(7);
    expect(rows[0]![5]).toBe('BA (Hons) English, Film and Media');
    expect(rows[2]![5]).toBe('BEng Mechanical\nEngineering');
    expect(rows[3]).toEqual(Array(11).fill(''));
  });

  it('reads a semicolon-separated file, as Excel saves in many European locales, with commas inside values', () => {
    const text = 'Name;Email;Course\nJane Smith;jane@example.ac.uk;History, Politics and Economics\n';
    expect(parseCsv(text)).toEqual({
      columns: ['Name', 'Email', 'Course'],
      rows: [['Jane Smith', 'jane@example.ac.uk', 'History, Politics and Economics']],
      errors: [],
    });
  });

  it('follows an Excel "sep=" line and reads tab-separated files', () => {
    expect(parseCsv('sep=;\r\nName;Year\r\nJane Smith;2\r\n').rows).toEqual([['Jane Smith', '2']]);
    expect(parseCsv('Name\tYear\nJane Smith\t2').rows).toEqual([['Jane Smith', '2']]);
  });

  it('trims headings and makes repeated ones unique, naming empty ones by position', () => {
    expect(parseCsv('  Name ,Email,Email,,Phone\nJane,a@example.ac.uk,b@example.ac.uk,x,07700 900123').columns).toEqual([
      'Name',
      'Email',
      'Email (2)',
      'Column 4',
      'Phone',
    ]);
  });

  it('pads short rows and drops only empty trailing cells', () => {
    const { rows } = parseCsv('A,B,C\n1\n1,2,3,,\n1,2,3,4');
    expect(rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('says what to do with an empty file, headings without rows, an unclosed quote or a file saved in the wrong encoding', () => {
    expect(parseCsv('').errors).toEqual(['The file is empty. Export the students again and choose that file.']);
    expect(parseCsv('\uFEFF\r\n\r\n').columns).toEqual([]);
    expect(parseCsv('Name,Email\r\n').errors).toEqual(['The file has headings but no students under them.']);
    expect(parseCsv('Name,Email\nJane,"jane@example.ac.uk\nJoe,joe@example.ac.uk').errors[0]).toMatch(/^Row 2 opens a quote/);
    expect(parseCsv('Name\nZo\uFFFD Smith').errors[0]).toMatch(/CSV UTF-8/);
  });

  it(`stops after ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows and says so`, () => {
    const text = `Name\n${Array.from({ length: MAX_IMPORT_ROWS + 5 }, (_, i) => `Student ${i}`).join('\n')}`;
    const { rows, errors } = parseCsv(text);
    expect(rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(errors).toEqual([
      'The file has more than 10,000 students; only the first 10,000 were read. Split it into smaller files and import each.',
    ]);
  });
});

describe('guessing which column is which', () => {
  it('maps the headings a records system uses', () => {
    const { columns } = parseCsv(recordsExport);
    expect(suggestMapping(columns)).toEqual({
      'Student ID': 'studentNumber',
      Surname: 'lastName',
      'Forename(s)': 'firstName',
      'Email Address': 'email',
      Mobile: 'phone',
      Programme: 'course',
      'Year of study': 'yearOfStudy',
      Institution: 'institution',
      'DSA hours': 'allocatedHours',
      'Hours deadline': 'hoursDeadline',
      Funding: 'funding',
    });
  });

  it.each([
    ['First name', 'firstName'],
    ['Last Name', 'lastName'],
    ['Full name', 'fullName'],
    ['Known as', 'preferredName'],
    ['E-mail', 'email'],
    ['Student e-mail (university)', 'email'],
    ['Telephone number', 'phone'],
    ['Reg. No.', 'studentNumber'],
    ['Course Title', 'course'],
    ['Current Year of Course', 'yearOfStudy'],
    ['University', 'institution'],
    ['Allocated Hours', 'allocatedHours'],
    ['Support hours expiry', 'hoursDeadline'],
    ['Funding Body', 'funding'],
    ['Disability', 'supportNeeds'],
    ['Next of kin', 'emergencyContactName'],
    ['Emergency contact phone', 'emergencyContactPhone'],
    ['Preferred contact method', 'preferredContact'],
    ['Course code', ''],
    ['Year of entry', ''],
    ['Academic year', ''],
    ['Date of birth', ''],
    ['Referrer email', ''],
    ['Gender', ''],
  ] as const)('"%s" → %j', (heading, field) => {
    expect(suggestMapping([heading])[heading]).toBe(field);
  });

  it('gives each field to one column: an exact heading beats a loose one, then the leftmost', () => {
    expect(suggestMapping(['Personal email address', 'Email', 'Mobile', 'Home phone'])).toEqual({
      'Personal email address': '',
      Email: 'email',
      Mobile: 'phone',
      'Home phone': '',
    });
  });
});

describe('checking rows before import', () => {
  const { columns, rows } = parseCsv(recordsExport);
  const result = validateRows(rows, columns, suggestMapping(columns), parseDraft);

  it('joins name parts, reads hours and UK dates, restores a mobile’s lost leading 0 and maps funders', () => {
    expect(result.good.map((g) => g.row)).toEqual([2, 3, 4]);
    expect(result.good[0]!.draft).toMatchObject({
      fullName: 'Zoë O\'Connor',
      studentNumber: 'U1234567',
      email: 'zoe.oconnor@example.ac.uk',
      phone: '07700 900123',
      course: 'BA (Hons) English, Film and Media',
      yearOfStudy: 'Year 2',
      institution: 'University of Example',
      allocatedHours: 30,
      hoursDeadline: '2027-07-31',
      funding: 'dsa',
    });
    expect(result.good[1]!.draft).toMatchObject({
      fullName: 'Siobhán Ní Bhriain',
      phone: '07700900124',
      yearOfStudy: 'Final year',
      allocatedHours: 42,
      hoursDeadline: '2027-07-31',
      funding: 'dsa',
    });
    expect(result.good[2]!.draft).toMatchObject({ fullName: 'Łukasz Nowak', allocatedHours: 25.5, hoursDeadline: '', phone: '', funding: 'dsa' });
  });

  it('skips the blank row and numbers rows as the spreadsheet does (headings are row 1)', () => {
    expect(result.bad.map((b) => b.row)).toEqual([6, 7, 8]);
  });

  it('explains each problem in words, with the row number', () => {
    expect(result.bad[0]!.reasons).toEqual([
      'row 6: Hours: “thirty” is not a number of hours. Write it like 30 or 30.5.',
      'row 6: Hours deadline: “31/02/2027” is not a date. Write it like 31/07/2027.',
      'row 6: Email: Enter a valid email address, like name@example.ac.uk',
    ]);
  });

  it('flags a student number or email already on an earlier row, on the later row', () => {
    expect(result.bad[1]!.reasons).toEqual(['row 7: Student number U1234567 is also on row 2. Is this the same student twice?']);
    expect(result.bad[2]!.reasons).toEqual(['row 8: Email ZOE.OCONNOR@example.ac.uk is also on row 2. Is this the same student twice?']);
  });

  it('a row whose values shifted because of an unquoted comma is refused', () => {
    const parsed = parseCsv('Name,Email\nSmith, Jane,jane@example.ac.uk');
    const check = validateRows(parsed.rows, parsed.columns, suggestMapping(parsed.columns), parseDraft);
    expect(check.good).toEqual([]);
    expect(check.bad[0]!.reasons[0]).toMatch(/^row 2: has more values than there are column headings/);
  });

  it('a row without any name says the name is required', () => {
    const check = validateRows([['', 'jane@example.ac.uk']], ['Name', 'Email'], { Name: 'fullName', Email: 'email' }, parseDraft);
    expect(check.bad).toEqual([{ row: 2, reasons: ['row 2: Full name: Full name is required'] }]);
  });

  it('a full-name column wins over name parts when both are filled', () => {
    const check = validateRows(
      [['Jo Smith', 'Joanna', 'Smith']],
      ['Name', 'First', 'Last'],
      { Name: 'fullName', First: 'firstName', Last: 'lastName' },
      parseDraft,
    );
    expect(check.good[0]!.draft.fullName).toBe('Jo Smith');
  });

  it('fills the emergency contact from its columns and ignores unmapped ones', () => {
    const check = validateRows(
      [['Jane Smith', 'Mary Smith', 'Mother', '7700900555', 'secret']],
      ['Name', 'NOK', 'Relationship', 'NOK phone', 'Gender'],
      { Name: 'fullName', NOK: 'emergencyContactName', Relationship: 'emergencyContactRelationship', 'NOK phone': 'emergencyContactPhone', Gender: '' },
      parseDraft,
    );
    expect(check.good[0]!.draft.emergencyContact).toEqual({ name: 'Mary Smith', relationship: 'Mother', phone: '07700900555' });
  });
});

describe('reading values', () => {
  it.each([
    ['31/07/2027', '2027-07-31'],
    ['31/7/27', '2027-07-31'],
    ['31.07.2027', '2027-07-31'],
    ['31-07-2027', '2027-07-31'],
    ['2027-07-31', '2027-07-31'],
    ['31 July 2027', '2027-07-31'],
    ['31st Jul 2027', '2027-07-31'],
    ['Friday, 31 July 2027', '2027-07-31'],
    ['1 Sept 2027', '2027-09-01'],
    ['July 31, 2027', '2027-07-31'],
    ['29/02/2028', '2028-02-29'],
    ['29/02/2027', null],
    ['07/31/2027', null],
    ['soon', null],
    ['', null],
  ] as const)('date %j → %j', (value, iso) => {
    expect(parseUkDate(value)).toBe(iso);
  });

  it.each([
    ['30', 30],
    ['30.5', 30.5],
    ['30 hrs', 30],
    ['30 hours', 30],
    ['30h', 30],
    ['30,5', 30.5],
    ['up to 30 hours', 30],
    ['thirty', null],
    ['-5', null],
    ['', null],
  ] as const)('hours %j → %j', (value, hours) => {
    expect(parseHours(value)).toBe(hours);
  });

  it.each([
    ['DSA', 'dsa'],
    ['Disabled Students’ Allowance', 'dsa'],
    ['SAAS', 'dsa'],
    ['Access to Work', 'access-to-work'],
    ['AtW', 'access-to-work'],
    ['Self-funded', 'self-funded'],
    ['Private', 'self-funded'],
    ['University', 'institution'],
    ['Charity', 'other'],
    ['', null],
  ] as const)('funding %j → %j', (value, funding) => {
    expect(parseFunding(value)).toBe(funding);
    if (funding) expect(Funding.options).toContain(funding);
  });

  it.each([
    ['2', 'Year 2'],
    ['2nd', 'Year 2'],
    ['Second year', 'Year 2'],
    ['year 3', 'Year 3'],
    ['final', 'Final year'],
    ['Foundation', 'Foundation year'],
    ['PG taught', 'PG taught'],
  ] as const)('year %j → %j', (value, year) => {
    expect(normaliseYearOfStudy(value)).toBe(year);
  });

  it.each([
    ['7700900123', '07700900123'],
    ['447700900123', '+447700900123'],
    ['07700 900123', '07700 900123'],
    ['12345', '12345'],
  ] as const)('phone %j → %j', (value, phone) => {
    expect(repairPhone(value)).toBe(phone);
  });
});
