import { NewerSchemaError } from '../store/migrations/run-migrations.js';
import { probeWrite } from '../store/health-probe.js';
import { retryWhileBusy } from '../store/busy-retry.js';
import { openStore, type Store, type StoreConfig } from '../store/open-store.js';
import { StartupError } from './startup-error.js';

// Node (mkdir) and SQLite error codes, in the words of someone fixing a server.
const SQLITE_REASONS: [RegExp, string][] = [
  [/^(ENOTDIR|EEXIST)$/, 'part of the path is a file, not a folder; choose a path inside a folder'],
  [/^(EACCES|EPERM)$/, 'permission denied: the user running Strikewire cannot create or write it; fix the folder\'s owner or choose another path'],
  [/^EROFS$|^SQLITE_READONLY/, 'it is read-only (the file, its folder or the disk); make it writable or choose another path'],
  [/^ENOSPC$|^SQLITE_FULL$/, 'the disk is full; free some space'],
  [/^EISDIR$/, 'it is a folder; point it at a file inside the folder, such as data/strikewire.db'],
  [/^SQLITE_NOTADB$/, 'the file is not a SQLite database; point it at a new path or at Strikewire\'s database'],
  [/^SQLITE_CANTOPEN$/, 'SQLite cannot open it (a folder, or a folder it may not write in); choose a writable file path'],
  [/^SQLITE_BUSY/, 'another process holds it locked; stop the other process'],
];

// Node's network codes and PostgreSQL's SQLSTATEs, in the same words.
const POSTGRES_REASONS: [RegExp, string][] = [
  [/^ECONNREFUSED$/, 'the connection was refused: no PostgreSQL is listening at that host and port; start it, or fix the host and port'],
  [/^(ENOTFOUND|EAI_AGAIN)$/, 'its host name does not resolve; fix the host'],
  [/^(ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)$/, 'the PostgreSQL server cannot be reached over the network; check the host, the port and any firewall'],
  [/^ECONNRESET$/, 'the server closed the connection; check that the URL names a PostgreSQL server and whether it requires SSL (sslmode)'],
  [/^28P01$/, 'authentication failed: PostgreSQL refused the user name or password; fix them'],
  [/^28000$/, 'authentication failed: PostgreSQL does not know that user or does not let it connect from here (pg_hba.conf); fix the user or the server\'s rules'],
  [/^3D000$/, 'the database does not exist; create it (createdb) or fix the database name'],
  [/^42501$/, 'permission denied: the user may not create or change Strikewire\'s tables; grant it rights on the schema'],
  [/^25006$/, 'the server takes no writes (a read-only standby, or default_transaction_read_only); point it at the primary'],
  [/^53300$/, 'the server has no connection to spare (too many clients); raise max_connections or stop other clients'],
  [/^57P03$/, 'the server is starting up or shutting down; try again in a moment'],
  [/^53100$/, 'the server\'s disk is full; free some space'],
];

function codeOf(err: unknown): string {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    // Node reports a refused dual-stack connect (localhost: ::1 and 127.0.0.1) as an AggregateError of both.
    if (e instanceof AggregateError) {
      const inner = e.errors.map(codeOf).find(Boolean);
      if (inner) return inner;
    }
  }
  return '';
}

/** The error's first line with the URL and its password taken out, for the one case no reason above covers. */
function scrubbed(err: unknown, url: string | undefined): string {
  let text = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
  if (url) {
    text = text.split(url).join('(DATABASE_URL)');
    const password = safePassword(url);
    if (password) text = text.split(password).join('***');
  }
  return text;
}

function safePassword(url: string): string {
  try {
    return decodeURIComponent(new URL(url).password);
  } catch {
    return '';
  }
}

/** The one-line StartupError for a store that failed to open; never contains DATABASE_URL's value. */
export function storeStartupError(err: unknown, config: StoreConfig): StartupError {
  const name = config.databaseUrl ? 'DATABASE_URL' : `DATABASE_PATH ${config.databasePath}`;
  if (err instanceof NewerSchemaError) {
    return new StartupError(`${name}: ${err.message}; refusing to start. Run the newer version, or restore a backup made for this one.`);
  }
  const code = codeOf(err);
  const reasons = config.databaseUrl ? POSTGRES_REASONS : SQLITE_REASONS;
  const reason = reasons.find(([pattern]) => pattern.test(code))?.[1] ?? `${scrubbed(err, config.databaseUrl)}${code ? ` (${code})` : ''}`;
  return new StartupError(`${name} cannot be used: ${reason}.`, { cause: err });
}

/**
 * Opens the store DATABASE_URL (PostgreSQL) or else DATABASE_PATH (SQLite) names, brings its schema up to date and
 * proves it takes a write; every failure is one StartupError saying why.
 */
export async function openStoreForStart(config: StoreConfig, now: Date): Promise<Store> {
  let store: Store | undefined;
  try {
    const opened = (store = await openStore(config));
    // Another replica starting on the same SQLite file may hold the write lock for a moment (its migrations, its own
    // probe): wait it out asynchronously, as every other write does, rather than refuse to start.
    await retryWhileBusy(() => probeWrite(opened, now), { budgetMs: 10_000, firstDelayMs: 10, maxDelayMs: 250 });
    return store;
  } catch (err) {
    await store?.close().catch(() => undefined);
    throw storeStartupError(err, config);
  }
}
