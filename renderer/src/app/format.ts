import dayjs from 'dayjs';

/** UK style, as mentors and their offices write dates: 23/11/2026 14:05. */
export const formatDateTime = (ms: number): string => dayjs(ms).format('DD/MM/YYYY HH:mm');
/** With seconds, for telling apart things made within the same minute (backup copies). */
export const formatDateTimeSeconds = (ms: number): string => dayjs(ms).format('DD/MM/YYYY HH:mm:ss');
export const formatDate = (ms: number): string => dayjs(ms).format('DD/MM/YYYY');

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
