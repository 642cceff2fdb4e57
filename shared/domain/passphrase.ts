import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

/** The shortest passphrase the vault accepts. Long and memorable beats short and clever. */
export const MIN_PASSPHRASE_LENGTH = 12;
/** zxcvbn's score runs 0–4; 3 means "safely unguessable" against an offline attack on a stolen file with a slow KDF. */
export const MIN_PASSPHRASE_SCORE = 3;

export interface PassphraseAssessment {
  ok: boolean;
  /** 0 (very weak) to 4 (very strong), for the strength meter. */
  score: 0 | 1 | 2 | 3 | 4;
  /** Why it is refused, in words a user can act on. Empty when ok. */
  reasons: string[];
  /** Hints that would make it stronger. */
  suggestions: string[];
}

let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

/**
 * Judges a new passphrase. Used by the strength meter as the user types and, authoritatively,
 * by the vault before it accepts one. `userInputs` are words the user's own records make
 * guessable (their name, the provider's name).
 */
export function assessPassphrase(passphrase: string, userInputs: string[] = []): PassphraseAssessment {
  const result = estimator().check(passphrase.slice(0, 256), userInputs.filter(Boolean));
  const score = result.score as PassphraseAssessment['score'];
  const reasons: string[] = [];
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    reasons.push(`Use at least ${MIN_PASSPHRASE_LENGTH} characters (you have ${passphrase.length}).`);
  }
  if (passphrase.trim().length !== passphrase.length) {
    reasons.push('Remove spaces at the start or end; they are easy to mistype later.');
  }
  if (score < MIN_PASSPHRASE_SCORE) {
    const warning = result.feedback.warning;
    reasons.push(warning ? `Too easy to guess: ${warning}` : 'Too easy to guess. Try four or more unrelated words.');
  }
  const suggestions = result.feedback.suggestions.length
    ? result.feedback.suggestions
    : reasons.length
      ? ['A few unrelated words with a number between them are strong and easy to remember.']
      : [];
  return { ok: reasons.length === 0, score, reasons, suggestions };
}
