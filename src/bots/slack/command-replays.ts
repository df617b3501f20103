import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Clock } from '../../core/time/clock.js';
import { retryWhileBusy, storageTrouble, type BusyRetryPolicy } from '../../store/busy-retry.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import { commandKey } from './interaction-keys.js';

/** The claim comes before the ack, so a lock is waited out only briefly: the ack's three seconds come first. */
const BEFORE_ACK: BusyRetryPolicy = { budgetMs: 300, firstDelayMs: 10, maxDelayMs: 50 };

/**
 * Global middleware that runs each slash command invocation once: a replayed delivery (the same trigger_id) is
 * acknowledged and goes no further, so a replayed "digest subscribe" or editor command writes nothing twice. The
 * claim is written before the ack; a locked database is waited out briefly and asynchronously, then let through.
 */
export function dropReplayedCommands(claims: InteractionClaims, clock: Clock): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { command?: unknown; trigger_id?: unknown };
    if (typeof body.command !== 'string' || typeof body.trigger_id !== 'string' || !body.trigger_id) return args.next();
    let first: boolean;
    try {
      first = (await retryWhileBusy(() => claims.claim('slack', commandKey(body.trigger_id as string), clock()), BEFORE_ACK)).first;
    } catch (err) {
      // Storage trouble must not stop commands that need no storage (status, ask): run it, unguarded this once.
      if (!storageTrouble(err)) throw err;
      args.logger.warn(`Could not record a command's trigger id: ${(err as Error).message}`);
      first = true;
    }
    if (first) return args.next();
    args.logger.debug('Ignoring a repeated delivery of a slash command');
    await (args as unknown as { ack: () => Promise<void> }).ack();
  };
}
