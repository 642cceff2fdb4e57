export { BackupTable } from './BackupTable';
export { backupTimeFormat } from './backupTime';
