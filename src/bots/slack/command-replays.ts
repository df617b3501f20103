import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Clock } from '../../core/time/clock.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import { commandKey } from './interaction-keys.js';

/**
 * Global middleware that runs each slash command invocation once: a replayed delivery (the same trigger_id) is
 * acknowledged and goes no further, so a replayed "digest subscribe" or editor command writes nothing twice.
 */
export function dropReplayedCommands(claims: InteractionClaims, clock: Clock): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as { command?: unknown; trigger_id?: unknown };
    if (typeof body.command !== 'string' || typeof body.trigger_id !== 'string' || !body.trigger_id) return args.next();
    if (claims.claim('slack', commandKey(body.trigger_id), clock()).first) return args.next();
    args.logger.debug('Ignoring a repeated delivery of a slash command');
    await (args as unknown as { ack: () => Promise<void> }).ack();
  };
}
