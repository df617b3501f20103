/** What a member is told when answering failed on our side. */
export const SORRY = 'Something went wrong on my side while answering. Please try again in a moment.';
/** SQLite's write lock is held elsewhere (another process, a backup): waiting a little helps. */
export const DATABASE_BUSY = 'The database is busy. Nothing was changed; please try again in a minute.';
/** The database file or its disk cannot be written: only an admin can fix that. */
export const DATABASE_READ_ONLY = 'Storage is read-only, so nothing could be saved. Please tell your admin.';

/** The private apology for an error: storage problems by name, anything else as a plain "something went wrong". */
export function failureReply(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return SORRY;
  // better-sqlite3 reports SQLite's extended codes, e.g. SQLITE_BUSY_SNAPSHOT or SQLITE_READONLY_DBMOVED.
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return DATABASE_BUSY;
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_FULL' || code === 'SQLITE_CANTOPEN') return DATABASE_READ_ONLY;
  return SORRY;
}
