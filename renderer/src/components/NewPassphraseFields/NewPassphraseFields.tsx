import { PasswordInput, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { assessPassphrase, type PassphraseAssessment } from '../../../../shared/domain/passphrase';
import { PassphraseStrength } from '../PassphraseStrength';

export interface NewPassphrase {
  passphrase: string;
  confirm: string;
  setPassphrase(value: string): void;
  setConfirm(value: string): void;
  assessment: PassphraseAssessment | null;
  matches: boolean;
  /** Strong enough and typed the same twice: the only state in which a form may submit it. */
  ready: boolean;
  reset(): void;
}

/** State for choosing a new passphrase; `userInputs` are words that would make it guessable (the mentor's name). */
export function useNewPassphrase(userInputs: string[] = []): NewPassphrase {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const inputsKey = userInputs.join('\u0000');
  // Keyed on the words' content, not the array's identity, so the (slow-ish) estimate runs only when needed.
  const assessment = useMemo(
    () => (passphrase ? assessPassphrase(passphrase, inputsKey ? inputsKey.split('\u0000') : []) : null),
    [passphrase, inputsKey],
  );
  const matches = passphrase.length > 0 && passphrase === confirm;
  return {
    passphrase,
    confirm,
    setPassphrase,
    setConfirm,
    assessment,
    matches,
    ready: Boolean(assessment?.ok) && matches,
    reset: () => {
      setPassphrase('');
      setConfirm('');
    },
  };
}

interface NewPassphraseFieldsProps {
  state: NewPassphrase;
  /** @default 'Passphrase' */
  label?: string;
  /** @default 'Confirm passphrase' */
  confirmLabel?: string;
  autoFocus?: boolean;
}

export function NewPassphraseFields({ state, label = 'Passphrase', confirmLabel = 'Confirm passphrase', autoFocus }: NewPassphraseFieldsProps) {
  const mismatch = state.confirm.length > 0 && !state.matches;
  return (
    <Stack gap="sm">
      <PasswordInput
        label={label}
        value={state.passphrase}
        onChange={(event) => state.setPassphrase(event.currentTarget.value)}
        autoComplete="new-password"
        autoFocus={autoFocus}
      />
      <PassphraseStrength assessment={state.assessment} />
      <PasswordInput
        label={confirmLabel}
        value={state.confirm}
        onChange={(event) => state.setConfirm(event.currentTarget.value)}
        autoComplete="new-password"
        error={mismatch ? 'The two passphrases are different. Type the same passphrase in both boxes.' : undefined}
      />
    </Stack>
  );
}
