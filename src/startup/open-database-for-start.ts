import type Database from 'better-sqlite3';
import { openDatabase } from '../store/open-database.js';
import { probeWrite } from '../store/health-probe.js';
import { NewerSchemaError } from '../store/schema-version.js';
import { StartupError } from './startup-error.js';

// Node (mkdir) and SQLite error codes, in the words of someone fixing a server.
const REASONS: [RegExp, string][] = [
  [/^(ENOTDIR|EEXIST)$/, 'part of the path is a file, not a folder; choose a path inside a folder'],
  [/^(EACCES|EPERM)$/, 'permission denied: the user running Strikewire cannot create or write it; fix the folder\'s owner or choose another path'],
  [/^EROFS$|^SQLITE_READONLY/, 'it is read-only (the file, its folder or the disk); make it writable or choose another path'],
  [/^ENOSPC$|^SQLITE_FULL$/, 'the disk is full; free some space'],
  [/^EISDIR$/, 'it is a folder; point it at a file inside the folder, such as data/strikewire.db'],
  [/^SQLITE_NOTADB$/, 'the file is not a SQLite database; point it at a new path or at Strikewire\'s database'],
  [/^SQLITE_CANTOPEN$/, 'SQLite cannot open it (a folder, or a folder it may not write in); choose a writable file path'],
  [/^SQLITE_BUSY/, 'another process holds it locked; stop the other process'],
];

function codeOf(err: unknown): string {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

/** Opens DATABASE_PATH and proves it takes a write; every failure is one StartupError saying why. */
export function openDatabaseForStart(path: string, now: Date): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = openDatabase(path);
    probeWrite(db, now);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof NewerSchemaError) {
      throw new StartupError(`DATABASE_PATH ${path}: ${err.message}; refusing to start. Run the newer version, or restore a backup made for this one.`);
    }
    const code = codeOf(err);
    const reason = REASONS.find(([pattern]) => pattern.test(code))?.[1] ?? `${(err as Error).message.split('\n')[0]}${code ? ` (${code})` : ''}`;
    throw new StartupError(`DATABASE_PATH ${path} cannot be used: ${reason}.`, { cause: err });
  }
}
