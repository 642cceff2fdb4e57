import { describe, expect, it } from 'vitest';
import type { Session } from '../../../../shared/schemas/session';
import { formPath, formValuesOf, formatMinutes, liveDuration, toDraft, validateRecordForm, type RecordFormValues } from './sessionRecordModel';

const booked: Session = {
  id: 'a'.repeat(21),
  booking: { date: '2026-11-23', start: '10:00', plannedMinutes: 60, mode: 'campus', place: 'Library room 3' },
  cancellation: null,
  record: null,
  createdAt: 0,
  updatedAt: 0,
};

const filled = (changes: Partial<RecordFormValues> = {}): RecordFormValues => ({ ...formValuesOf(booked, null), areas: ['academic'], ...changes });

describe('the session record form', () => {
  it('starts from the booking: its date, start, planned end, mode and place', () => {
    const values = formValuesOf(booked, null);
    expect(values).toMatchObject({ date: '2026-11-23', actualStart: '10:00', actualEnd: '11:00', mode: 'campus', place: 'Library room 3' });
    expect(liveDuration(values)).toBe(60);
  });

  it('a record of the planned length with an area ticked can be saved', () => {
    expect(validateRecordForm(filled(), 60)).toEqual({});
  });

  it('a session ended early asks for the reason and the student’s confirmation next to those fields', () => {
    const errors = validateRecordForm(filled({ actualEnd: '10:40' }), 60);
    expect(errors.endedEarlyReason).toBe('Say why the session ended early');
    expect(errors.endedEarlyConfirmed).toBe('The student must confirm the session ended early');
    expect(validateRecordForm(filled({ actualEnd: '10:40', endedEarlyReason: 'A lecture moved', endedEarlyConfirmed: true }), 60)).toEqual({});
  });

  it('an end before the start is shown on the end time; no area ticked on the areas', () => {
    const errors = validateRecordForm(filled({ actualEnd: '09:00', areas: [] }), 60);
    expect(errors.actualEnd).toMatch(/is before the start time/);
    expect(errors.areas).toBe('Tick at least one area discussed');
  });

  it('a comment without a rating asks for the stars; no feedback at all is left out of the draft', () => {
    expect(validateRecordForm(filled({ comment: 'Good' }), 60).rating).toMatch(/1 to 5 stars/);
    expect(toDraft(filled(), 60).feedback).toBeNull();
    expect(toDraft(filled({ rating: 4, comment: 'Good' }), 60).feedback).toEqual({ rating: 4, comment: 'Good' });
  });

  it('an action for someone else needs their name, and keeps it only then', () => {
    const other = filled({ actions: [{ what: 'Ask about extensions', owner: 'other', ownerName: '', due: '' }] });
    expect(validateRecordForm(other, 60)['actions.0.ownerName']).toBe('Say who will do this');
    const mine = toDraft(filled({ actions: [{ what: 'Plan', owner: 'student', ownerName: 'left over', due: '' }] }), 60);
    expect(mine.actions[0]).toEqual({ what: 'Plan', owner: 'student', due: '' });
  });

  it('maps the backend’s paths to the form’s fields', () => {
    expect(formPath('draft.endedEarly.reason')).toBe('endedEarlyReason');
    expect(formPath('durationMinutes')).toBe('actualEnd');
    expect(formPath('nextSession.date')).toBe('nextDate');
    expect(formPath('draft.actions.2.due')).toBe('actions.2.due');
  });

  it('writes durations as a mentor says them', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(75)).toBe('1 h 15 min');
  });
});
