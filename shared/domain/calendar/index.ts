// The calendar's pure rules in one import for the backend and the renderer.
export * from './academicYear';
export * from './comingUp';
export * from './dates';
export * from './ics';
export * from './rules';
export * from './surveys';
export * from './workingDays';
