export { StatusBadge, statusColors } from './StatusBadge';
