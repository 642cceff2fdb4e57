import type { Change } from './store';

/**
 * The stored data's schema version, recorded in every manifest. When a release changes how
 * records are stored, it raises this number and adds a migration that takes the previous
 * version's documents forward. Migrations run in order on unlock, as one save, before anything
 * else reads the data; a vault written by a newer Mentor Desk is refused rather than guessed at.
 */
export const CURRENT_SCHEMA_VERSION = 1;

export interface MigrationReader {
  get(id: string): Promise<unknown>;
  list(prefix: string): string[];
}

export interface Migration {
  /** The version this migration produces; it runs on data at version `to - 1`. */
  to: number;
  description: string;
  run(reader: MigrationReader): Promise<Change>;
}

/** Release migrations, oldest first. Version 1 is the first stored format, so none yet. */
export const migrations: Migration[] = [];
