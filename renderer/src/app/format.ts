import dayjs from 'dayjs';

/** UK style, as mentors and their offices write dates: 23/11/2026 14:05. */
export const formatDateTime = (ms: number): string => dayjs(ms).format('DD/MM/YYYY HH:mm');
export const formatDate = (ms: number): string => dayjs(ms).format('DD/MM/YYYY');

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
