import type { Knowledge } from '../knowledge/knowledge.js';
import type { EntityIndex } from '../match/entity-index.js';
import type { Reply } from '../reply/reply.js';
import type { Clock } from '../time/clock.js';

/** Where a command came from; adapters fill it so commands that write can check who may write. */
export interface Origin {
  platform: 'slack' | 'discord' | 'shell';
  userId?: string;
  channelId?: string;
  /** The Slack workspace (team) the request came from, when the adapter knows it: digests are posted with its token. */
  workspaceId?: string;
  /** Resolved lazily by the adapter (a Slack users.info call, Discord member permissions). */
  canManageChannel?: () => Promise<boolean>;
  /** Whether this person may change the knowledge (EDITORS_SLACK, EDITORS_DISCORD); resolved lazily by the adapter. */
  isEditor?: () => Promise<boolean>;
  /** How this platform spells a command given the core's words ("digest subscribe"); `/strike <words>` when unset. */
  commandName?: (words: string) => string;
}

/**
 * Everything a command may read: the knowledge, its name index, the clock and optional services. Adapters share one
 * object; editors' updates replace `knowledge` and `entities` on it in place (refreshContext), so every surface
 * answers from the new knowledge at once.
 */
export interface CommandContext {
  knowledge: Knowledge;
  entities: EntityIndex;
  /** The knowledge without unverified updates, for digests; the same as `knowledge` when unset. */
  verifiedKnowledge?: Knowledge;
  clock: Clock;
  /** Extra command families (digests, editor updates) register here without the core knowing their storage. */
  extensions?: CommandSpec[];
}

/** One /strike subcommand: its help text and how it answers. */
export interface CommandSpec {
  name: string;
  /** Name of the free-text argument, if any ("name", "question"). */
  arg?: { name: string; description: string; required: boolean };
  summary: string;
  example: string;
  run(ctx: CommandContext, args: string, origin: Origin): Reply | Promise<Reply>;
}
