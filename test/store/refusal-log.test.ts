import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFUSALS_KEPT_DAYS } from '../../src/store/refusal-log.js';
import { UpdateStore } from '../../src/store/update-store.js';
import { openTestStore, STORE_KINDS } from '../support/test-store.js';

describe.each(STORE_KINDS)('the refusal log on %s', (kind) => {
  let opened: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    opened = await openTestStore(kind);
  });
  afterEach(() => opened.close());

  it('keeps one counted row per user per day however often a member retries, and prunes old days', async () => {
    const store = new UpdateStore(opened.store);
    const refuse = (at: string, userId: string) => store.logAttempt({ at, platform: 'slack', userId, action: 'update', allowed: false });
    for (let i = 0; i < 200; i++) await refuse(`2023-08-05T10:${String(i % 60).padStart(2, '0')}:00.000Z`, 'U0MEMBER');
    await refuse('2023-08-05T11:00:00.000Z', 'U0OTHER');
    const rows = () => opened.store.db.selectFrom('edit_attempts').select(['user_id', 'day', 'count']).where('allowed', '=', 0).orderBy('user_id').orderBy('day').execute();
    expect(await rows()).toEqual([
      { user_id: 'U0MEMBER', day: '2023-08-05', count: 200 },
      { user_id: 'U0OTHER', day: '2023-08-05', count: 1 },
    ]);
    // The next day is a new count; once the keep has passed, the old day's rows go.
    await refuse('2023-08-06T09:00:00.000Z', 'U0MEMBER');
    expect(await rows()).toHaveLength(3);
    await refuse(new Date(Date.parse('2023-08-06T09:00:00Z') + REFUSALS_KEPT_DAYS * 86_400_000).toISOString(), 'U0MEMBER');
    expect(await rows()).toEqual([
      { user_id: 'U0MEMBER', day: '2023-08-06', count: 1 },
      { user_id: 'U0MEMBER', day: '2023-09-05', count: 1 },
    ]);
    // Editors' allowed actions are still logged one by one, and the log command still sees the refusals.
    await store.logAttempt({ at: '2023-09-05T10:00:00.000Z', platform: 'slack', userId: 'U0EDITOR', action: 'update', allowed: true });
    await store.logAttempt({ at: '2023-09-05T10:00:00.000Z', platform: 'slack', userId: 'U0EDITOR', action: 'update', allowed: true });
    expect((await store.refusedAttempts(new Date('2023-08-01T00:00:00Z'), 10)).map((a) => a.userId)).toEqual(['U0MEMBER', 'U0MEMBER']);
    expect(await opened.store.db.selectFrom('edit_attempts').select('id').where('allowed', '=', 1).execute()).toHaveLength(2);
  });
});
