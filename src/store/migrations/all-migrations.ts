import { FIRST_MIGRATIONS } from './first-migrations.js';
import { LATER_MIGRATIONS } from './later-migrations.js';
import type { Migration } from './migration.js';

/** Every migration in order; numbers only grow, and an applied migration is never edited. */
export const MIGRATIONS: readonly Migration[] = [...FIRST_MIGRATIONS, ...LATER_MIGRATIONS];

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
