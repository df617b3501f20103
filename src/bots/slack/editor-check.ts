import type { Logger, webApi } from '@slack/bolt';
import { systemClock, type Clock } from '../../core/time/clock.js';

/** How long a user group's members are remembered: usergroups.users.list is rate-limited (Tier 2, about 20 a minute). */
export const GROUP_CACHE_MS = 60_000;

/** User group ids start with S; user ids with U or W. */
const GROUP_ID = /^S[A-Z0-9]+$/;

/** Who may write on Slack, from EDITORS_SLACK: user ids, and user groups whose members are editors. */
export interface SlackEditorCheck {
  /** A lazy check for one user, run at most once per request and only when a command writes. */
  forUser(input: { client: webApi.WebClient; userId: string; logger: Logger }): () => Promise<boolean>;
}

/**
 * Editors are the user ids in EDITORS_SLACK plus the members of the user groups in it (usergroups.users.list,
 * which needs the usergroups:read scope). Group members are cached for a minute; a failed look-up is logged and
 * counts as "not an editor", the safe answer for a permission check.
 */
export function createSlackEditorCheck(editors: readonly string[], options: { clock?: Clock; cacheMs?: number } = {}): SlackEditorCheck {
  const clock = options.clock ?? systemClock;
  const users = new Set(editors.filter((id) => !GROUP_ID.test(id)));
  const groups = editors.filter((id) => GROUP_ID.test(id));
  const cache = new Map<string, { members: Set<string>; until: number }>();

  const membersOf = async (client: webApi.WebClient, group: string, logger: Logger): Promise<Set<string>> => {
    const now = clock().getTime();
    const cached = cache.get(group);
    if (cached && cached.until > now) return cached.members;
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      const members = new Set(result.users ?? []);
      cache.set(group, { members, until: now + (options.cacheMs ?? GROUP_CACHE_MS) });
      return members;
    } catch (err) {
      logger.warn(`usergroups.users.list failed for ${group}; its members count as non-editors for now: ${(err as Error).message}`);
      return new Set();
    }
  };

  return {
    forUser({ client, userId, logger }) {
      let decision: Promise<boolean> | undefined;
      const resolve = async () => {
        if (users.has(userId)) return true;
        for (const group of groups) if ((await membersOf(client, group, logger)).has(userId)) return true;
        return false;
      };
      return () => (decision ??= resolve());
    },
  };
}
