import { Settings, defaultSettings } from '../../../../shared/schemas/settings';
import { openDocument } from '../vault/lowdbAdapter';
import type { Session } from '../vault/vault';
import { changedFields } from './diff';

const SETTINGS_ID = 'settings';

export async function readSettings(session: Session): Promise<Settings> {
  const db = await openDocument(session, SETTINGS_ID, Settings, defaultSettings);
  return db.data;
}

export async function saveSettings(session: Session, next: Settings): Promise<Settings> {
  const db = await openDocument(session, SETTINGS_ID, Settings, defaultSettings, (before, after) => {
    const changes = changedFields(before ?? defaultSettings, after);
    return changes.length ? [{ action: before ? 'update' : 'create', kind: 'settings', recordId: SETTINGS_ID, changes }] : [];
  });
  db.data = next;
  await db.write();
  return db.data;
}
