import { AppFailure } from '../../../../shared/errors';
import { LOGO_MAX_BYTES, Settings, defaultSettings, type LogoMime } from '../../../../shared/schemas/settings';
import { PDFDocument } from 'pdf-lib';
import { embedLogo } from '../documents/page';
import { openDocument } from '../vault/lowdbAdapter';
import type { Session } from '../vault/vault';
import { changedFields } from './diff';

const SETTINGS_ID = 'settings';

export async function readSettings(session: Session): Promise<Settings> {
  const db = await openDocument(session, SETTINGS_ID, Settings, defaultSettings);
  return db.data;
}

/** Saves the settings form. The logo is not part of that form: it keeps whatever `setLogo` stored. */
export async function saveSettings(session: Session, next: Settings): Promise<Settings> {
  const db = await openDocument(session, SETTINGS_ID, Settings, defaultSettings, (before, after) => {
    const changes = changedFields(before ?? defaultSettings, after);
    return changes.length ? [{ action: before ? 'update' : 'create', kind: 'settings', recordId: SETTINGS_ID, changes }] : [];
  });
  db.data = { ...next, providerLogo: db.data.providerLogo };
  await db.write();
  return db.data;
}

/**
 * The provider's logo for PDF headers, kept as an encrypted blob. Only PNG and JPEG files (checked
 * by their first bytes, not the name) up to 512 KB; `null` removes the logo.
 */
export async function setLogo(session: Session, logo: { mime: LogoMime; bytes: Uint8Array } | null): Promise<Settings> {
  if (logo) await checkLogo(logo.mime, logo.bytes);
  const db = await openDocument(session, SETTINGS_ID, Settings, defaultSettings, (before, after) => [
    { action: before ? 'update' : 'create', kind: 'settings', recordId: SETTINGS_ID, changes: [{ field: 'providerLogo', old: before?.providerLogo ? 'a logo' : 'none', new: after.providerLogo ? `${after.providerLogo.mime}, ${after.providerLogo.bytes} bytes` : 'none' }] },
  ]);
  const previous = db.data.providerLogo;
  const blob = logo ? await session.store.putBlob(logo.bytes) : null;
  db.data = { ...db.data, providerLogo: logo && blob ? { blob, mime: logo.mime, bytes: logo.bytes.length } : null };
  await db.write();
  if (previous && previous.blob !== blob) await session.commit({ removeBlobs: [previous.blob] });
  return db.data;
}

/** The logo's bytes, or undefined when there is none. */
export async function readLogo(session: Session, settings?: Settings): Promise<{ mime: LogoMime; bytes: Uint8Array } | undefined> {
  const logo = (settings ?? (await readSettings(session))).providerLogo;
  if (!logo) return undefined;
  const bytes = await session.store.getBlob(logo.blob);
  return bytes ? { mime: logo.mime, bytes: new Uint8Array(bytes) } : undefined;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

async function checkLogo(mime: LogoMime, bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) throw new AppFailure('INVALID_INPUT', 'That file is empty. Choose a PNG or JPEG image.');
  if (bytes.length > LOGO_MAX_BYTES) throw new AppFailure('INVALID_INPUT', `That image is ${Math.ceil(bytes.length / 1024)} KB; a logo can be at most ${LOGO_MAX_BYTES / 1024} KB. Save a smaller copy and try again.`);
  const signature = mime === 'image/png' ? PNG : JPEG;
  if (!signature.every((b, i) => bytes[i] === b)) {
    throw new AppFailure('INVALID_INPUT', `That file is not a ${mime === 'image/png' ? 'PNG' : 'JPEG'} image. Choose a PNG or JPEG logo.`);
  }
  // A file can start like an image and still be damaged: try it the way every PDF will use it.
  try {
    await embedLogo(await PDFDocument.create(), bytes);
  } catch {
    throw new AppFailure('INVALID_INPUT', 'That image could not be read (it may be damaged or in an unusual format). Save it again as PNG and try again.');
  }
}
