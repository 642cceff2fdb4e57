/**
 * Which earlier saves to keep as backups: the newest `recent` saves, and the last save of each of
 * the last `dailyDays` days (local time). Pure, so it is tested without a disk.
 */
export interface RetentionPolicy {
  recent: number;
  dailyDays: number;
}
export const DEFAULT_RETENTION: RetentionPolicy = { recent: 20, dailyDays: 30 };

export type BackupKind = 'recent' | 'daily';

export function chooseRetained(
  saves: { seq: number; at: number }[],
  now: number,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  dayOf: (at: number) => string = localDay,
): Map<number, BackupKind[]> {
  const kept = new Map<number, BackupKind[]>();
  const newestFirst = [...saves].sort((a, b) => b.seq - a.seq);
  const add = (seq: number, kind: BackupKind) => kept.set(seq, [...(kept.get(seq) ?? []), kind]);
  newestFirst.slice(0, policy.recent).forEach((s) => add(s.seq, 'recent'));
  const oldestDay = now - policy.dailyDays * 24 * 60 * 60 * 1000;
  const seenDays = new Set<string>();
  for (const save of newestFirst) {
    if (save.at < oldestDay) continue;
    const day = dayOf(save.at);
    if (seenDays.has(day)) continue;
    seenDays.add(day);
    add(save.seq, 'daily');
  }
  return kept;
}

function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}
