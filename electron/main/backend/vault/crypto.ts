import { createCipheriv, createDecipheriv, createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** AES-256-GCM throughout: 256-bit keys, a fresh 96-bit nonce for every encryption, 128-bit tags. */
export const KEY_BYTES = 32;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const CIPHER = 'aes-256-gcm';

export interface Sealed {
  nonce: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Encrypts with a fresh random nonce; `aad` is authenticated but not encrypted (headers, ids). */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv(CIPHER, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce, ciphertext, tag: cipher.getAuthTag() };
}

/** Decrypts and authenticates; throws `DecryptError` on a wrong key or any change to the bytes or the aad. */
export function open(key: Uint8Array, sealed: Sealed, aad: Uint8Array): Buffer {
  if (sealed.nonce.length !== NONCE_BYTES || sealed.tag.length !== TAG_BYTES) throw new DecryptError('malformed');
  const decipher = createDecipheriv(CIPHER, key, sealed.nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    throw new DecryptError('authentication failed');
  }
}

export class DecryptError extends Error {
  constructor(reason: string) {
    super(`decryption failed: ${reason}`);
    this.name = 'DecryptError';
  }
}

/** scrypt is memory-hard: N=2^17, r=8 needs 128 MiB per guess. Parameters live in the vault header. */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const PRODUCTION_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Recovery keys carry 140 bits of randomness, so a light KDF is enough to stretch them. */
export const RECOVERY_SCRYPT: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };

export function deriveKey(secret: string | Uint8Array, salt: Uint8Array, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 64 * 1024 * 1024 };
  const input = typeof secret === 'string' ? Buffer.from(secret.normalize('NFC'), 'utf8') : secret;
  return new Promise((resolve, reject) => {
    scryptCb(input, salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** A keyed hash, used to name blobs by content without revealing the content's plain hash. */
export function hmac(key: Uint8Array, data: Uint8Array): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

// Recovery keys: 140 random bits written as 28 Crockford base-32 characters in seven groups of
// four, e.g. "7QK2-M9XR-…". Crockford's alphabet has no I, L, O or U, so a printed key is hard to misread.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_KEY_LENGTH = 28;

export function newRecoveryKey(): string {
  const bytes = randomBytes(18);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < RECOVERY_KEY_LENGTH; i++) {
    out += CROCKFORD[Number(bits & 31n)];
    bits >>= 5n;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** Accepts the key as a person might type it back: any case, spaces or dashes, O for 0, I/L for 1. */
export function normaliseRecoveryKey(typed: string): string | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== RECOVERY_KEY_LENGTH || [...cleaned].some((c) => !CROCKFORD.includes(c))) return null;
  return cleaned;
}
