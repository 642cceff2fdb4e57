import type { BackupInfo } from '../../../../shared/schemas/vault';
import { formatDateTime, formatDateTimeSeconds } from '../../app/format';

/** Copies are often taken minutes apart: add seconds only when two would otherwise read the same. */
export function backupTimeFormat(backups: BackupInfo[]): (ms: number) => string {
  const minutes = backups.map((b) => formatDateTime(b.takenAt));
  return new Set(minutes).size === minutes.length ? formatDateTime : formatDateTimeSeconds;
}
