export { PassphraseStrength } from './PassphraseStrength';
