export { RetryCountdown } from './RetryCountdown';
