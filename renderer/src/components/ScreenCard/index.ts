export { ScreenCard } from './ScreenCard';
