import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { deriveKey, open, seal, type ScryptParams, DecryptError } from './crypto';
import { readIfExists, writeFileAtomic } from './durable';

/**
 * The keyring (keyring.json) holds no secrets in the clear: the random data key, wrapped once by a
 * key derived from the passphrase and once by a key derived from the recovery key. The KDF
 * parameters are stored beside each wrap (and authenticated with it), so they can be raised later
 * by rewrapping. A second identical copy guards against a damaged primary.
 */
const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

const ScryptKdf = z.strictObject({
  alg: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: b64,
});

const Wrap = z.strictObject({ kdf: ScryptKdf, nonce: b64, tag: b64, ciphertext: b64 });
type Wrap = z.infer<typeof Wrap>;

export const KeyringFile = z.strictObject({
  format: z.literal('mentor-desk-keyring'),
  version: z.literal(1),
  /** Identifies the data key; every encrypted file's header is tied to it. */
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  createdAt: z.number(),
  passphrase: Wrap,
  recovery: Wrap,
});
export type KeyringFile = z.infer<typeof KeyringFile>;

export type Slot = 'passphrase' | 'recovery';

const FILES = ['keyring.json', 'keyring.copy.json'] as const;

function wrapAad(keyId: string, slot: Slot, kdf: Wrap['kdf']): Buffer {
  return Buffer.from(`mentor-desk key wrap v1|${keyId}|${slot}|${kdf.alg}|${kdf.N}|${kdf.r}|${kdf.p}|${kdf.salt}`, 'utf8');
}

export async function wrapKey(dataKey: Uint8Array, secret: string, keyId: string, slot: Slot, params: ScryptParams): Promise<Wrap> {
  const kdf = { alg: 'scrypt' as const, ...params, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKey(secret, Buffer.from(kdf.salt, 'base64'), params);
  try {
    const sealed = seal(kek, dataKey, wrapAad(keyId, slot, kdf));
    return { kdf, nonce: sealed.nonce.toString('base64'), tag: sealed.tag.toString('base64'), ciphertext: sealed.ciphertext.toString('base64') };
  } finally {
    kek.fill(0);
  }
}

/** Returns the data key, or null when the secret is wrong. Timing: dominated by the KDF. */
export async function unwrapKey(keyring: KeyringFile, slot: Slot, secret: string): Promise<Buffer | null> {
  const wrap = keyring[slot];
  const kek = await deriveKey(secret, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
  try {
    return open(
      kek,
      { nonce: Buffer.from(wrap.nonce, 'base64'), tag: Buffer.from(wrap.tag, 'base64'), ciphertext: Buffer.from(wrap.ciphertext, 'base64') },
      wrapAad(keyring.keyId, slot, wrap.kdf),
    );
  } catch (err) {
    if (err instanceof DecryptError) return null;
    throw err;
  } finally {
    kek.fill(0);
  }
}

export type KeyringRead =
  | { status: 'missing' }
  | { status: 'ok'; keyring: KeyringFile; repaired: boolean }
  | { status: 'damaged'; message: string };

/** Reads the keyring, falling back to the copy when the primary is missing or damaged. */
export async function readKeyring(dir: string): Promise<KeyringRead> {
  const parsed: (KeyringFile | null)[] = [];
  let seen = false;
  for (const name of FILES) {
    const bytes = await readIfExists(join(dir, name));
    if (bytes) seen = true;
    parsed.push(bytes ? parseKeyring(bytes) : null);
  }
  const [primary, copy] = parsed;
  if (primary) {
    // A crash between the two writes can leave the copy missing or a step behind: bring it level.
    const inStep = copy !== null && JSON.stringify(copy) === JSON.stringify(primary);
    if (!inStep) await writeFileAtomic(join(dir, FILES[1]), Buffer.from(JSON.stringify(primary, null, 2), 'utf8'));
    return { status: 'ok', keyring: primary, repaired: !inStep };
  }
  if (copy) {
    await writeKeyring(dir, copy);
    return { status: 'ok', keyring: copy, repaired: true };
  }
  if (!seen) return { status: 'missing' };
  return { status: 'damaged', message: 'The key file of this vault is damaged or is not a Mentor Desk key file, and so is its copy.' };
}

function parseKeyring(bytes: Buffer): KeyringFile | null {
  try {
    return KeyringFile.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    return null;
  }
}

export async function writeKeyring(dir: string, keyring: KeyringFile): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(keyring, null, 2), 'utf8');
  for (const name of FILES) await writeFileAtomic(join(dir, name), bytes);
}
