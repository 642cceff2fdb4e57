import type { IsoDate } from '../../schemas/common';
import { addDays } from './dates';

/**
 * A minimal iCalendar (RFC 5545) writer for all-day deadlines, so a mentor can subscribe to them in
 * Outlook, Google or Apple Calendar. Only writing is needed and only one shape of event, which is a
 * few dozen lines of a well-specified format; tests parse the output with ical.js.
 */

export type IcsEvent = {
  ruleId: string;
  title: string;
  /** The day it is due: the all-day event. */
  date: IsoDate;
  opensOn?: IsoDate;
  description?: string;
};

export type IcsOptions = { calendarName: string; /** Milliseconds since the epoch, for DTSTAMP. */ now: number };

/** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // Other control characters are not allowed in TEXT at all.
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  );
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space. The limit is in UTF-8
 * octets, not characters, and a fold must not split a character, so count code points' bytes.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    // Continuation lines start with the space, which counts towards their 75.
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

const basicDate = (date: IsoDate) => date.replace(/-/g, '');
const ukDate = (date: IsoDate) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

function utcStamp(at: number): string {
  return new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * The UID is made from the rule and the date, so exporting again updates the same events in the
 * mentor's calendar instead of adding copies.
 */
function uidOf(event: IcsEvent): string {
  return `${event.ruleId.replace(/[^A-Za-z0-9_-]/g, '-')}-${basicDate(event.date)}@mentor-desk`;
}

export function toIcs(events: readonly IcsEvent[], options: IcsOptions): string {
  const stamp = utcStamp(options.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mentor Desk//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.calendarName)}`,
  ];
  for (const event of events) {
    const description = [event.description ?? '', event.opensOn ? `Opens ${ukDate(event.opensOn)}, due ${ukDate(event.date)}.` : ''].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uidOf(event)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
      // DTEND of an all-day event is the next day: the end is exclusive.
      `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
      `SUMMARY:${escapeText(event.title)}`,
      ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
      // A deadline does not make the mentor busy all day.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
