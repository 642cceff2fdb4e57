import { signerRoleLabels, type SignerRole } from '../../../../shared/schemas/signature';

/** "Student and mentor", "Mentor", or "Nobody yet". */
export function signedByText(roles: readonly SignerRole[]): string {
  if (roles.length === 0) return 'Nobody yet';
  const labels = roles.map((role) => signerRoleLabels[role]);
  return labels.map((label, i) => (i === 0 ? label : label.toLowerCase())).join(' and ');
}

/** What a version is called on screen and in labels: index 0 is the original, later ones amendments. */
export function versionName(index: number): string {
  return index === 0 ? 'Original version' : `Amendment ${index}`;
}

/** The note beside the sign buttons: what signing mode shows, and how it is left. */
export function signingModeNote(what: string): string {
  return `Signing shows only this ${what} on screen; leaving it asks for your passphrase.`;
}
