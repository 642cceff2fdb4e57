import { open, seal } from './crypto';

/**
 * Seals one small value (a field's old value in the audit log, a caseload summary) with a
 * student's key, bound to `context` so it cannot be moved to another record unnoticed.
 */
export function sealValue(key: Buffer, context: string, value: unknown): string {
  const s = seal(key, Buffer.from(JSON.stringify(value) ?? 'null', 'utf8'), Buffer.from(context, 'utf8'));
  return Buffer.concat([s.nonce, s.tag, s.ciphertext]).toString('base64');
}

export function openValue(key: Buffer, context: string, sealed: string): unknown {
  const bytes = Buffer.from(sealed, 'base64');
  const plain = open(key, { nonce: bytes.subarray(0, 12), tag: bytes.subarray(12, 28), ciphertext: bytes.subarray(28) }, Buffer.from(context, 'utf8'));
  return JSON.parse(plain.toString('utf8'));
}
