import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { rm, unlink } from 'node:fs/promises';
import { assessPassphrase } from '../../../../shared/domain/passphrase';
import { AppFailure } from '../../../../shared/errors';
import type { BackupInfo, Damage, LockReason, VaultState } from '../../../../shared/schemas/vault';
import type { Clock } from '../clock';
import type { Keychain } from '../keychain';
import { AUDIT_PREFIX, AuditLog, type AuditEvent } from '../audit/auditLog';
import { PRODUCTION_SCRYPT, RECOVERY_SCRYPT, newRecoveryKey, normaliseRecoveryKey, randomKey, type ScryptParams } from './crypto';
import { ensureDir, readIfExists, writeFileAtomic } from './durable';
import { readKeyring, unwrapKey, wrapKey, writeKeyring, type KeyringFile } from './keyring';
import { CURRENT_SCHEMA_VERSION, migrations as releaseMigrations, type Migration } from './migrations';
import { PartitionKeyTable } from './partitions';
import { DocumentStore, StoreDamage, type Change } from './store';
import type { RetentionPolicy } from './retention';
import { Throttle } from './throttle';

export interface VaultOptions {
  dir: string;
  clock: Clock;
  keychain?: Keychain | null;
  kdf?: ScryptParams;
  recoveryKdf?: ScryptParams;
  retention?: RetentionPolicy;
  migrations?: Migration[];
  schemaVersion?: number;
}

/** What the records layer works with while the vault is unlocked. */
export interface Session {
  store: DocumentStore;
  partitions: PartitionKeyTable;
  audit: AuditLog;
  /** Saves documents and their audit entries together, atomically. */
  commit(change: Change, events?: AuditEvent[]): Promise<void>;
}

const QUICK_UNLOCK_FILE = 'quick-unlock.bin';
/** Documents of partition `student:<id>` live under `students/<id>`. */
const partitionDocPrefix = (partition: string) => `${partition.replace(/^student:/, 'students/')}`;
const DAMAGE_ADVICE = 'Nothing was overwritten. You can restore the newest good backup.';

/**
 * The vault's life: new → (create) → unlocked ⇄ locked; damaged when a file fails to check out.
 * Plain Node: no Electron. The data key exists in memory only while unlocked and is zeroed on lock.
 */
export class Vault {
  private keyring: KeyringFile | null = null;
  private session: (Session & { dataKey: Buffer }) | null = null;
  private damage: Damage | null = null;
  private damagedFile: string | null = null;
  private readonly throttle: Throttle;
  lastLockReason: LockReason | null = null;

  private constructor(private readonly options: VaultOptions) {
    this.throttle = new Throttle(options.clock);
  }

  static async load(options: VaultOptions): Promise<Vault> {
    const vault = new Vault(options);
    await ensureDir(options.dir);
    const read = await readKeyring(options.dir);
    if (read.status === 'ok') vault.keyring = read.keyring;
    if (read.status === 'damaged') vault.damage = { message: read.message, newestGoodBackup: null };
    return vault;
  }

  get state(): VaultState {
    if (this.damage) return 'damaged';
    if (!this.keyring) return 'new';
    return this.session ? 'unlocked' : 'locked';
  }

  get damageReport(): Damage | null {
    return this.damage;
  }

  get retryAt(): number | null {
    return this.throttle.retryAt();
  }

  get quickUnlockAvailable(): boolean {
    return Boolean(this.options.keychain);
  }

  async quickUnlockEnabled(): Promise<boolean> {
    return this.quickUnlockAvailable && (await readIfExists(join(this.options.dir, QUICK_UNLOCK_FILE))) !== null;
  }

  /** The unlocked session, or a LOCKED failure the UI answers by showing the unlock screen. */
  requireSession(): Session {
    if (this.damage) throw new AppFailure('VAULT_DAMAGED', `${this.damage.message} ${DAMAGE_ADVICE}`);
    if (!this.session) throw new AppFailure('LOCKED', 'Mentor Desk is locked. Unlock it with your passphrase.');
    return this.session;
  }

  async create(passphrase: string): Promise<{ recoveryKey: string }> {
    if (this.keyring) throw new AppFailure('VAULT_EXISTS', 'A vault already exists here. Unlock it instead.');
    const assessment = assessPassphrase(passphrase);
    if (!assessment.ok) throw new AppFailure('WEAK_PASSPHRASE', assessment.reasons.join(' '));
    const dataKey = randomKey();
    const keyId = randomBytes(8).toString('hex');
    const recoveryKey = newRecoveryKey();
    const keyring: KeyringFile = {
      format: 'mentor-desk-keyring',
      version: 1,
      keyId,
      createdAt: this.options.clock.now(),
      passphrase: await wrapKey(dataKey, passphrase, keyId, 'passphrase', this.kdf),
      recovery: await wrapKey(dataKey, normaliseRecoveryKey(recoveryKey)!, keyId, 'recovery', this.recoveryKdf),
    };
    // Without a keyring nothing here can be decrypted: clear what an interrupted first run left.
    for (const leftover of ['manifests', 'objects', 'blobs', 'partition-keys.a.mdv', 'partition-keys.b.mdv', 'quick-unlock.bin']) {
      await rm(join(this.options.dir, leftover), { recursive: true, force: true });
    }
    await DocumentStore.initialise(this.options.dir, dataKey, this.options.clock, this.schemaVersion);
    // The keyring goes last: until it exists, the folder is not a vault and a crash here leaves "new".
    await writeKeyring(this.options.dir, keyring);
    this.keyring = keyring;
    await this.openSession(dataKey);
    await this.session?.commit({}, [{ action: 'vault', kind: 'vault', recordId: 'vault', note: 'vault created' }]);
    return { recoveryKey };
  }

  async unlock(passphrase: string): Promise<void> {
    const keyring = this.requireKeyring();
    this.throttle.check();
    const dataKey = await unwrapKey(keyring, 'passphrase', passphrase);
    if (!dataKey) {
      const retryAt = this.throttle.fail();
      throw new AppFailure('WRONG_PASSPHRASE', 'That passphrase is not right. Check Caps Lock and try again, or use your recovery key.', retryAt ? { retryAt } : {});
    }
    this.throttle.succeed();
    await this.openSession(dataKey);
  }

  /** Unlocks with the recovery key and sets a new passphrase (the data key stays the same). */
  async recover(recoveryKeyTyped: string, newPassphrase: string): Promise<void> {
    const keyring = this.requireKeyring();
    const assessment = assessPassphrase(newPassphrase);
    if (!assessment.ok) throw new AppFailure('WEAK_PASSPHRASE', assessment.reasons.join(' '));
    this.throttle.check();
    const normalised = normaliseRecoveryKey(recoveryKeyTyped);
    const dataKey = normalised ? await unwrapKey(keyring, 'recovery', normalised) : null;
    if (!dataKey) {
      const retryAt = this.throttle.fail();
      throw new AppFailure('WRONG_RECOVERY_KEY', 'That recovery key is not right. Check each group of characters against your printed copy.', retryAt ? { retryAt } : {});
    }
    this.throttle.succeed();
    await this.rewrap(dataKey, { passphrase: newPassphrase });
    await this.openSession(dataKey);
    await this.session?.commit({}, [{ action: 'vault', kind: 'vault', recordId: 'vault', note: 'passphrase reset with the recovery key' }]);
  }

  /** Checks the passphrase while unlocked (leaving signing mode), throttled like unlocking. */
  async confirmPassphrase(passphrase: string): Promise<void> {
    this.requireUnlocked();
    this.throttle.check();
    const key = await unwrapKey(this.requireKeyring(), 'passphrase', passphrase);
    if (!key) {
      const retryAt = this.throttle.fail();
      throw new AppFailure('WRONG_PASSPHRASE', 'That passphrase is not right. Signing mode stays on until the mentor enters it.', retryAt ? { retryAt } : {});
    }
    key.fill(0);
    this.throttle.succeed();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    const session = this.requireUnlocked();
    const keyring = this.requireKeyring();
    const assessment = assessPassphrase(next);
    if (!assessment.ok) throw new AppFailure('WEAK_PASSPHRASE', assessment.reasons.join(' '));
    const check = await unwrapKey(keyring, 'passphrase', current);
    if (!check) throw new AppFailure('WRONG_PASSPHRASE', 'Your current passphrase is not right, so nothing was changed.');
    check.fill(0);
    await this.rewrap(session.dataKey, { passphrase: next });
    await session.commit({}, [{ action: 'vault', kind: 'vault', recordId: 'vault', note: 'passphrase changed' }]);
  }

  async newRecoveryKey(passphrase: string): Promise<string> {
    const session = this.requireUnlocked();
    const check = await unwrapKey(this.requireKeyring(), 'passphrase', passphrase);
    if (!check) throw new AppFailure('WRONG_PASSPHRASE', 'That passphrase is not right, so no new recovery key was made.');
    check.fill(0);
    const recoveryKey = newRecoveryKey();
    await this.rewrap(session.dataKey, { recovery: normaliseRecoveryKey(recoveryKey)! });
    await session.commit({}, [{ action: 'vault', kind: 'vault', recordId: 'vault', note: 'new recovery key made; the old one no longer works' }]);
    return recoveryKey;
  }

  async setQuickUnlock(enabled: boolean): Promise<void> {
    const session = this.requireUnlocked();
    const path = join(this.options.dir, QUICK_UNLOCK_FILE);
    if (!enabled) {
      await unlink(path).catch(() => undefined);
      return;
    }
    const keychain = this.options.keychain;
    if (!keychain) throw new AppFailure('QUICK_UNLOCK_UNAVAILABLE', 'This computer has no system keychain Mentor Desk can trust, so quick unlock is not available. Your passphrase always works.');
    await writeFileAtomic(path, keychain.encrypt(session.dataKey));
  }

  async quickUnlock(): Promise<void> {
    this.requireKeyring();
    const keychain = this.options.keychain;
    const sealed = await readIfExists(join(this.options.dir, QUICK_UNLOCK_FILE));
    if (!keychain || !sealed) throw new AppFailure('QUICK_UNLOCK_UNAVAILABLE', 'Quick unlock is not set up on this computer. Use your passphrase.');
    let dataKey: Buffer;
    try {
      dataKey = Buffer.from(keychain.decrypt(sealed));
    } catch {
      throw new AppFailure('QUICK_UNLOCK_UNAVAILABLE', 'The system keychain could not open Mentor Desk. Use your passphrase.');
    }
    await this.openSession(dataKey);
  }

  /**
   * Locks at once: no call gets the session any more. The keys are zeroed as soon as a save
   * already under way has finished (never under it); `drained` says when.
   */
  lock(reason: LockReason): boolean {
    const session = this.session;
    if (!session) return false;
    this.session = null;
    this.lastLockReason = reason;
    session.store.dropCache();
    this.drained = Promise.all([session.store.close(), session.partitions.close()]).then(() => {
      session.partitions.wipe();
      session.dataKey.fill(0);
    });
    return true;
  }

  /** Resolves when the last lock has finished its saves and zeroed its keys. */
  drained: Promise<void> = Promise.resolve();

  /** Reports a damaged file met while unlocked: the vault turns to "damaged" and offers a backup. */
  async reportDamage(err: StoreDamage): Promise<AppFailure> {
    const session = this.session;
    this.damagedFile = err.file;
    this.damage = { message: err.message, newestGoodBackup: session ? await this.newestGoodBackup(session.store) : null };
    return new AppFailure('VAULT_DAMAGED', `${err.message} ${DAMAGE_ADVICE}`);
  }

  async listBackups(): Promise<BackupInfo[]> {
    const store = this.requireStore();
    const out: BackupInfo[] = [];
    for (const b of store.backups()) {
      const described = await store.describeBackup(b.seq).catch(() => null);
      if (described) out.push({ id: String(b.seq), takenAt: described.at, kinds: described.kinds, documents: described.documents });
    }
    return out;
  }

  async restoreBackup(id: string): Promise<void> {
    const store = this.requireStore();
    const seq = Number(id);
    if (!store.backups().some((b) => b.seq === seq)) throw new AppFailure('NOT_FOUND', 'That backup no longer exists. Choose another from the list.');
    const report = await store.verify(seq);
    if (report.problems.length) throw new AppFailure('VAULT_DAMAGED', 'That backup is damaged too. Choose an older one.');
    const { at } = await store.describeBackup(seq);
    if (this.damagedFile) await store.quarantine(this.damagedFile);
    await store.restore(seq, [AUDIT_PREFIX]);
    this.damage = null;
    this.damagedFile = null;
    // Re-open so the audit log and migrations see the restored state.
    const dataKey = Buffer.from(this.session!.dataKey);
    this.lock('manual');
    await this.drained;
    await this.openSession(dataKey);
    await this.session?.commit({}, [{ action: 'vault', kind: 'vault', recordId: 'vault', note: `restored the backup saved at ${new Date(at).toISOString()}` }]);
  }

  private async openSession(dataKey: Buffer): Promise<void> {
    const { dir, clock } = this.options;
    let store: DocumentStore;
    let partitions: PartitionKeyTable;
    try {
      partitions = await PartitionKeyTable.load(dir, dataKey);
      store = await DocumentStore.open(dir, dataKey, partitions, clock, this.options.retention);
    } catch (err) {
      if (err instanceof StoreDamage) {
        // Keep the key so the user can restore a backup without typing the passphrase again.
        await this.enterDamaged(dataKey, err);
        return;
      }
      if (err instanceof Error && err.name === 'EnvelopeError') {
        this.damage = { message: 'The table of student keys is damaged; the vault cannot be opened safely.', newestGoodBackup: null };
        return;
      }
      throw err;
    }
    if (store.schemaVersion > this.schemaVersion) {
      throw new AppFailure('VAULT_DAMAGED', 'This vault was saved by a newer version of Mentor Desk. Update Mentor Desk to open it.');
    }
    this.damage = null;
    let audit: AuditLog;
    try {
      audit = await AuditLog.load(store);
    } catch (err) {
      if (!(err instanceof StoreDamage)) throw err;
      this.session = { store, partitions, dataKey, audit: await AuditLog.load({ get: async () => undefined, list: () => [] }), commit: async () => undefined };
      await this.reportDamage(err);
      return;
    }
    const commit = async (change: Change, events: AuditEvent[] = [], schemaVersion?: number) => {
      const prepared = audit.prepare(events, clock.now());
      await store.commit({ ...change, puts: [...(change.puts ?? []), ...prepared.puts] }, schemaVersion);
      prepared.accept();
    };
    this.session = { store, partitions, audit, dataKey, commit: (change, events) => commit(change, events) };
    await partitions.finishErasures((partition) => store.list(partitionDocPrefix(partition)).length > 0);
    await this.migrate(commit);
  }

  private async migrate(commit: (change: Change, events: AuditEvent[], schemaVersion?: number) => Promise<void>): Promise<void> {
    const store = this.session!.store;
    const pending = (this.options.migrations ?? releaseMigrations).filter((m) => m.to > store.schemaVersion && m.to <= this.schemaVersion).sort((a, b) => a.to - b.to);
    for (const migration of pending) {
      if (migration.to !== store.schemaVersion + 1) throw new Error(`No migration from schema ${store.schemaVersion} to ${migration.to}`);
      const change = await migration.run(store);
      await commit(change, [{ action: 'vault', kind: 'vault', recordId: 'vault', note: `data migrated to version ${migration.to}: ${migration.description}` }], migration.to);
    }
  }

  private async enterDamaged(dataKey: Buffer, err: StoreDamage): Promise<void> {
    this.damagedFile = err.file;
    // A store that can still list its backups lets the user pick one; the head itself is unusable.
    const partitions = await PartitionKeyTable.load(this.options.dir, dataKey);
    const fallback = await DocumentStore.openBackupsOnly(this.options.dir, dataKey, partitions, this.options.clock, this.options.retention);
    this.session = fallback ? { store: fallback, partitions, audit: await AuditLog.load({ get: async () => undefined, list: () => [] }), dataKey, commit: async () => undefined } : null;
    this.damage = { message: err.message, newestGoodBackup: fallback ? await this.newestGoodBackup(fallback) : null };
  }

  private async newestGoodBackup(store: DocumentStore): Promise<BackupInfo | null> {
    for (const b of store.backups()) {
      const report = await store.verify(b.seq).catch(() => null);
      if (report && report.problems.length === 0) {
        const described = await store.describeBackup(b.seq);
        return { id: String(b.seq), takenAt: described.at, kinds: described.kinds, documents: described.documents };
      }
    }
    return null;
  }

  private async rewrap(dataKey: Buffer, secrets: { passphrase?: string; recovery?: string }): Promise<void> {
    const keyring = this.requireKeyring();
    const next: KeyringFile = {
      ...keyring,
      passphrase: secrets.passphrase ? await wrapKey(dataKey, secrets.passphrase, keyring.keyId, 'passphrase', this.kdf) : keyring.passphrase,
      recovery: secrets.recovery ? await wrapKey(dataKey, secrets.recovery, keyring.keyId, 'recovery', this.recoveryKdf) : keyring.recovery,
    };
    await writeKeyring(this.options.dir, next);
    this.keyring = next;
  }

  private requireKeyring(): KeyringFile {
    if (!this.keyring) throw new AppFailure('NO_VAULT', 'There is no vault yet. Create one first.');
    return this.keyring;
  }

  private requireUnlocked(): Session & { dataKey: Buffer } {
    this.requireSession();
    return this.session!;
  }

  private requireStore(): DocumentStore {
    if (!this.session) throw new AppFailure('LOCKED', 'Mentor Desk is locked. Unlock it with your passphrase.');
    return this.session.store;
  }

  private get kdf(): ScryptParams {
    return this.options.kdf ?? PRODUCTION_SCRYPT;
  }
  private get recoveryKdf(): ScryptParams {
    return this.options.recoveryKdf ?? RECOVERY_SCRYPT;
  }
  private get schemaVersion(): number {
    return this.options.schemaVersion ?? CURRENT_SCHEMA_VERSION;
  }
}
