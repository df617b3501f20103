import { describe, expect, it } from 'vitest';
import { evaluateHealth, type HealthSources } from '../../src/health/evaluate-health.js';

const at = (iso: string) => new Date(iso);
const healthy = (now: string, overrides: Partial<HealthSources> = {}): HealthSources => ({
  clock: () => at(now),
  readyAt: () => at('2026-01-01T10:00:00Z'),
  database: () => {},
  slack: () => true,
  discord: () => true,
  scheduler: () => at('2026-01-01T10:04:00Z'),
  ...overrides,
});

describe('evaluateHealth', () => {
  it('is ok when every configured check is ok, and says which platforms are not configured', async () => {
    const { code, body } = await evaluateHealth(healthy('2026-01-01T10:05:00Z', { discord: undefined }));
    expect(code).toBe(200);
    expect(body).toEqual({
      status: 'ok',
      checks: { database: { status: 'ok' }, slack: { status: 'ok' }, discord: { status: 'not configured' }, scheduler: { status: 'ok', lastTick: '2026-01-01T10:04:00.000Z' } },
    });
  });

  it('is 503 naming the database when it refuses a write', async () => {
    const { code, body } = await evaluateHealth(healthy('2026-01-01T10:05:00Z', { database: () => { throw new Error('attempt to write a readonly database'); } }));
    expect(code).toBe(503);
    expect(body).toMatchObject({ status: 'down', failing: ['database'], checks: { database: { status: 'down', error: 'attempt to write a readonly database' } } });
  });

  it('is 503 naming a disconnected platform', async () => {
    expect((await evaluateHealth(healthy('2026-01-01T10:05:00Z', { discord: () => false }))).body).toMatchObject({ failing: ['discord'] });
  });

  it('is 503 when the scheduler has not ticked for more than 3 minutes, and ok at exactly 3', async () => {
    expect((await evaluateHealth(healthy('2026-01-01T10:07:00Z'))).code).toBe(200);
    const late = await evaluateHealth(healthy('2026-01-01T10:07:00.001Z'));
    expect(late.code).toBe(503);
    expect(late.body).toMatchObject({ failing: ['scheduler'] });
  });

  it('counts a scheduler that never ticked from when the bot became ready', async () => {
    expect((await evaluateHealth(healthy('2026-01-01T10:02:00Z', { scheduler: () => undefined }))).code).toBe(200);
    expect((await evaluateHealth(healthy('2026-01-01T10:03:01Z', { scheduler: () => undefined }))).code).toBe(503);
  });

  it('is 503 "starting" until the bot is ready', async () => {
    expect((await evaluateHealth(healthy('2026-01-01T10:05:00Z', { readyAt: () => undefined }))).body).toMatchObject({ status: 'starting' });
  });

  it('is 503 naming the database when its write is rejected, as a PostgreSQL check does', async () => {
    const { body } = await evaluateHealth(healthy('2026-01-01T10:05:00Z', { database: () => Promise.reject(new Error('cannot execute INSERT in a read-only transaction')) }));
    expect(body).toMatchObject({ failing: ['database'], checks: { database: { status: 'down', error: 'cannot execute INSERT in a read-only transaction' } } });
  });

  it('is 503 naming the database when it does not answer at all, instead of hanging', async () => {
    const { code, body } = await evaluateHealth(healthy('2026-01-01T10:05:00Z', { database: () => new Promise<void>(() => undefined), databaseTimeoutMs: 10 }));
    expect(code).toBe(503);
    expect(body).toMatchObject({ failing: ['database'], checks: { database: { status: 'down', error: 'no answer within 10 ms' } } });
  });
});
