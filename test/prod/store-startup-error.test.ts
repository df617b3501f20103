import { describe, expect, it } from 'vitest';
import { NewerSchemaError } from '../../src/store/migrations/run-migrations.js';
import { storeStartupError } from '../../src/startup/open-store-for-start.js';

const URL_WITH_PASSWORD = 'postgres://strikewire:p%40ss-word@db.internal:5432/strikewire';
const pg = { databaseUrl: URL_WITH_PASSWORD, databasePath: './data/strikewire.db' };
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('storeStartupError', () => {
  it.each([
    ['28P01', /authentication failed: PostgreSQL refused the user name or password/],
    ['28000', /authentication failed: PostgreSQL does not know that user/],
    ['3D000', /the database does not exist/],
    ['ECONNREFUSED', /the connection was refused/],
    ['ENOTFOUND', /host name does not resolve/],
    ['25006', /takes no writes/],
  ])('names DATABASE_URL and says what %s means', (code, pattern) => {
    const message = storeStartupError(pgError(code, 'x'), pg).message;
    expect(message).toMatch(/^DATABASE_URL cannot be used: /);
    expect(message).toMatch(pattern);
    expect(message).not.toContain('db.internal:5432/strikewire');
  });

  it('finds the code of a refused dual-stack connect inside an AggregateError', () => {
    const err = new AggregateError([pgError('ECONNREFUSED', 'connect ECONNREFUSED ::1:5432'), pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')], 'connect failed');
    expect(storeStartupError(err, pg).message).toMatch(/connection was refused/);
  });

  it('takes the URL and its password out of a message it has no words for', () => {
    const message = storeStartupError(pgError('XX000', `could not use ${URL_WITH_PASSWORD}; password p@ss-word rejected`), pg).message;
    expect(message).not.toContain(URL_WITH_PASSWORD);
    expect(message).not.toContain('p@ss-word');
    expect(message).toContain('(XX000)');
  });

  it('keeps naming DATABASE_PATH and its path for SQLite, and the newer schema for both', () => {
    const sqlite = { databasePath: '/srv/strikewire.db' };
    expect(storeStartupError(pgError('SQLITE_NOTADB', 'file is not a database'), sqlite).message).toBe(
      "DATABASE_PATH /srv/strikewire.db cannot be used: the file is not a SQLite database; point it at a new path or at Strikewire's database.",
    );
    expect(storeStartupError(new NewerSchemaError(12, 10), pg).message).toMatch(/^DATABASE_URL: the database has schema version 12, newer than this Strikewire knows \(10\); refusing to start/);
  });
});
