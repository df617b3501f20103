import type { Logger, webApi } from '@slack/bolt';
import { systemClock, type Clock } from '../../core/time/clock.js';

/** How long a user group's members are remembered: usergroups.users.list is rate-limited (Tier 2, about 20 a minute). */
export const GROUP_CACHE_MS = 60_000;

/** User group ids start with S; user ids with U or W. */
const GROUP_ID = /^S[A-Z0-9]+$/;

/** Who may write on Slack, from EDITORS_SLACK: user ids, and user groups whose members are editors. */
export interface SlackEditorCheck {
  /** A lazy check for one user of one team (the request's), run at most once per request and only when a command writes. */
  forUser(input: { client: webApi.WebClient; userId: string; teamId?: string | undefined; logger: Logger }): () => Promise<boolean>;
}

/** One EDITORS_SLACK entry: a user or group id, limited to one team when written `T…:U…`. */
interface EditorEntry {
  teamId?: string;
  id: string;
}

/** Splits `T123:U456` into its team and id; an entry without a team counts in every workspace. */
function parseEntry(entry: string): EditorEntry {
  const colon = entry.indexOf(':');
  return colon < 0 ? { id: entry } : { teamId: entry.slice(0, colon), id: entry.slice(colon + 1) };
}

/**
 * Editors are the user ids in EDITORS_SLACK plus the members of the user groups in it (usergroups.users.list,
 * which needs the usergroups:read scope). An entry prefixed by a team (`T123:U456`) counts only in that workspace;
 * one without counts in every workspace the app is installed in. Group members are cached for a minute per team; a
 * failed look-up is logged and counts as "not an editor", the safe answer for a permission check.
 */
export function createSlackEditorCheck(editors: readonly string[], options: { clock?: Clock; cacheMs?: number } = {}): SlackEditorCheck {
  const clock = options.clock ?? systemClock;
  const entries = editors.map(parseEntry);
  // A team-scoped entry never matches a request whose team is unknown.
  const inTeam = (entry: EditorEntry, teamId: string | undefined) => entry.teamId === undefined || entry.teamId === teamId;
  const cache = new Map<string, { members: Set<string>; until: number }>();

  const membersOf = async (client: webApi.WebClient, group: string, teamId: string | undefined, logger: Logger): Promise<Set<string>> => {
    const now = clock().getTime();
    const cacheKey = `${teamId ?? ''}:${group}`;
    const cached = cache.get(cacheKey);
    if (cached && cached.until > now) return cached.members;
    try {
      const result = await client.usergroups.users.list({ usergroup: group });
      const members = new Set(result.users ?? []);
      cache.set(cacheKey, { members, until: now + (options.cacheMs ?? GROUP_CACHE_MS) });
      return members;
    } catch (err) {
      logger.warn(`usergroups.users.list failed for ${group}; its members count as non-editors for now: ${(err as Error).message}`);
      return new Set();
    }
  };

  return {
    forUser({ client, userId, teamId, logger }) {
      let decision: Promise<boolean> | undefined;
      const resolve = async () => {
        const mine = entries.filter((entry) => inTeam(entry, teamId));
        if (mine.some((entry) => !GROUP_ID.test(entry.id) && entry.id === userId)) return true;
        for (const group of mine.filter((entry) => GROUP_ID.test(entry.id))) if ((await membersOf(client, group.id, teamId, logger)).has(userId)) return true;
        return false;
      };
      return () => (decision ??= resolve());
    },
  };
}
