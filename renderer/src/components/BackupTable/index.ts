export { BackupTable } from './BackupTable';
