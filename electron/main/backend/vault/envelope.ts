import { z } from 'zod';
import { open, seal, NONCE_BYTES, TAG_BYTES, DecryptError } from './crypto';

/**
 * Every encrypted file has the same shape:
 *
 *   "MDSK" | format version (1 byte) | header length (2 bytes, BE) | header JSON | nonce (12) | tag (16) | ciphertext
 *
 * The header says what the file is (kind, its own name, which key) and how it was encrypted, so
 * the format can be migrated later. Everything before the nonce is authenticated as associated
 * data: changing the header, or moving a file to another name, fails authentication.
 */
export const MAGIC = Buffer.from('MDSK', 'ascii');
export const FORMAT_VERSION = 1;

export const EnvelopeKind = z.enum(['manifest', 'document', 'blob', 'partition-keys']);
export type EnvelopeKind = z.infer<typeof EnvelopeKind>;

export const EnvelopeHeader = z.strictObject({
  alg: z.literal('AES-256-GCM'),
  kind: EnvelopeKind,
  /** The file's own name (object id, manifest sequence…): binds the ciphertext to where it lives. */
  name: z.string().max(200),
  /** Which key: 'data' for the vault's data key, or a partition id such as 'student:abc'. */
  keyId: z.string().max(100),
});
export type EnvelopeHeader = z.infer<typeof EnvelopeHeader>;

export class EnvelopeError extends Error {
  constructor(
    readonly reason: 'foreign' | 'truncated' | 'unsupported-version' | 'bad-header' | 'mismatch' | 'authentication',
    message: string,
  ) {
    super(message);
    this.name = 'EnvelopeError';
  }
}

export function encodeEnvelope(key: Uint8Array, header: EnvelopeHeader, plaintext: Uint8Array): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(MAGIC.length + 3);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt8(FORMAT_VERSION, MAGIC.length);
  prefix.writeUInt16BE(headerBytes.length, MAGIC.length + 1);
  const aad = Buffer.concat([prefix, headerBytes]);
  const sealed = seal(key, plaintext, aad);
  return Buffer.concat([aad, sealed.nonce, sealed.tag, sealed.ciphertext]);
}

/** Reads just the header, without a key (to pick the key, or to report what a file claims to be). */
export function readEnvelopeHeader(bytes: Uint8Array): { header: EnvelopeHeader; aad: Buffer; bodyOffset: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < MAGIC.length + 3 || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new EnvelopeError('foreign', 'This is not a Mentor Desk file.');
  }
  const version = buf.readUInt8(MAGIC.length);
  if (version !== FORMAT_VERSION) {
    throw new EnvelopeError('unsupported-version', `This file uses format ${version}, which this version of Mentor Desk cannot read. Update Mentor Desk.`);
  }
  const headerLength = buf.readUInt16BE(MAGIC.length + 1);
  const bodyOffset = MAGIC.length + 3 + headerLength;
  if (buf.length < bodyOffset + NONCE_BYTES + TAG_BYTES) throw new EnvelopeError('truncated', 'The file is cut short.');
  let header: EnvelopeHeader;
  try {
    header = EnvelopeHeader.parse(JSON.parse(buf.subarray(MAGIC.length + 3, bodyOffset).toString('utf8')));
  } catch {
    throw new EnvelopeError('bad-header', 'The file header is damaged.');
  }
  return { header, aad: buf.subarray(0, bodyOffset), bodyOffset };
}

/**
 * Decrypts a file and checks it is the file we asked for (`expect.kind`, `expect.name`).
 * Any change to any byte fails with an EnvelopeError naming the reason.
 */
export function decodeEnvelope(bytes: Uint8Array, key: Uint8Array, expect: { kind: EnvelopeKind; name: string; keyId?: string }): Buffer {
  const { header, aad, bodyOffset } = readEnvelopeHeader(bytes);
  if (header.kind !== expect.kind || header.name !== expect.name || (expect.keyId !== undefined && header.keyId !== expect.keyId)) {
    throw new EnvelopeError('mismatch', `Expected ${expect.kind} ${expect.name} but the file says ${header.kind} ${header.name}.`);
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nonce = buf.subarray(bodyOffset, bodyOffset + NONCE_BYTES);
  const tag = buf.subarray(bodyOffset + NONCE_BYTES, bodyOffset + NONCE_BYTES + TAG_BYTES);
  const ciphertext = buf.subarray(bodyOffset + NONCE_BYTES + TAG_BYTES);
  try {
    return open(key, { nonce, tag, ciphertext }, aad);
  } catch (err) {
    if (err instanceof DecryptError) throw new EnvelopeError('authentication', 'The file has been changed or damaged since it was written.');
    throw err;
  }
}
