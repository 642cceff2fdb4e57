export { UkDateInput } from './UkDateInput';
