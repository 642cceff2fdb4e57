export { NewPassphraseFields, useNewPassphrase, type NewPassphrase } from './NewPassphraseFields';
