import { describe, expect, it } from 'vitest';
import { REFUSALS_KEPT_DAYS } from '../../src/store/refusal-log.js';
import { openDatabase } from '../../src/store/open-database.js';
import { UpdateStore } from '../../src/store/update-store.js';

describe('the refusal log', () => {
  it('keeps one counted row per user per day however often a member retries, and prunes old days', () => {
    const db = openDatabase(':memory:');
    const store = new UpdateStore(db);
    const refuse = (at: string, userId: string) => store.logAttempt({ at, platform: 'slack', userId, action: 'update', allowed: false });
    for (let i = 0; i < 500; i++) refuse(`2023-08-05T10:${String(i % 60).padStart(2, '0')}:00.000Z`, 'U0MEMBER');
    refuse('2023-08-05T11:00:00.000Z', 'U0OTHER');
    const rows = () => db.prepare('SELECT user_id, day, count FROM edit_attempts WHERE allowed = 0 ORDER BY user_id, day').all();
    expect(rows()).toEqual([
      { user_id: 'U0MEMBER', day: '2023-08-05', count: 500 },
      { user_id: 'U0OTHER', day: '2023-08-05', count: 1 },
    ]);
    // The next day is a new count; once the keep has passed, the old day's rows go.
    refuse('2023-08-06T09:00:00.000Z', 'U0MEMBER');
    expect(rows()).toHaveLength(3);
    refuse(new Date(Date.parse('2023-08-06T09:00:00Z') + REFUSALS_KEPT_DAYS * 86_400_000).toISOString(), 'U0MEMBER');
    expect(rows()).toEqual([
      { user_id: 'U0MEMBER', day: '2023-08-06', count: 1 },
      { user_id: 'U0MEMBER', day: '2023-09-05', count: 1 },
    ]);
    // Editors' allowed actions are still logged one by one, and the log command still sees the refusals.
    store.logAttempt({ at: '2023-09-05T10:00:00.000Z', platform: 'slack', userId: 'U0EDITOR', action: 'update', allowed: true });
    expect(store.refusedAttempts(new Date('2023-08-01T00:00:00Z'), 10).map((a) => a.userId)).toEqual(['U0MEMBER', 'U0MEMBER']);
  });
});
