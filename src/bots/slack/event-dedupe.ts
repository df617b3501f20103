import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { systemClock, type Clock } from '../../core/time/clock.js';
import { EventCallbackSchema } from './slack-payloads.js';

/** Slack retries an event up to three times over about five minutes; remember ids a good while longer. */
export const EVENT_ID_TTL_MS = 15 * 60_000;
/** Bound on remembered ids, so a flood cannot grow memory without limit. */
export const MAX_REMEMBERED_EVENTS = 20_000;

/** Remembers event ids for a while and says whether one is new. */
export interface EventDedupe {
  /** True the first time an id is seen within the time to live; false for Slack's retries of it. */
  firstTime(eventId: string): boolean | Promise<boolean>;
}

/** The claim the database-backed de-duplication needs (InteractionClaims, usually through retrying). */
export interface EventClaims {
  claim(platform: 'slack', key: string, now: Date, ttlMs: number): Promise<{ first: boolean }>;
}

/**
 * Event ids claimed in the database: Slack may retry an event to another replica behind the load balancer (or, in
 * Socket Mode, over another replica's connection), and only a claim every replica sees drops it there.
 */
export function storedEventDedupe(claims: EventClaims, options: { ttlMs?: number; clock?: Clock } = {}): EventDedupe {
  const clock = options.clock ?? systemClock;
  return { firstTime: async (eventId) => (await claims.claim('slack', `event:${eventId}`, clock(), options.ttlMs ?? EVENT_ID_TTL_MS)).first };
}

/** An in-memory, time-limited set of seen event ids (one process answers one workspace's events). */
export function createEventDedupe(options: { ttlMs?: number; maxEntries?: number; clock?: Clock } = {}): EventDedupe {
  const ttl = options.ttlMs ?? EVENT_ID_TTL_MS;
  const max = options.maxEntries ?? MAX_REMEMBERED_EVENTS;
  const clock = options.clock ?? systemClock;
  const seen = new Map<string, number>(); // id -> expiry; insertion order is arrival order
  return {
    firstTime(eventId) {
      const now = clock().getTime();
      for (const [id, expires] of seen) {
        if (expires > now && seen.size < max) break;
        seen.delete(id);
      }
      const expires = seen.get(eventId);
      if (expires !== undefined && expires > now) return false;
      seen.set(eventId, now + ttl);
      return true;
    },
  };
}

/**
 * Global Bolt middleware that drops retried Events API deliveries. Bolt has already acknowledged the event
 * by the time middleware runs, so Slack stops retrying; the listener just does not run a second time.
 */
export function dropRetriedEvents(dedupe: EventDedupe): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    // Commands and clicks pass straight through: no parse on the path to their acknowledgement.
    const envelope = (body as { type?: unknown }).type === 'event_callback' ? EventCallbackSchema.safeParse(body) : undefined;
    if (envelope?.success && !(await firstTimeOrAnswer(dedupe, envelope.data.event_id, logger))) {
      logger.debug(`Ignoring a repeated delivery of event ${envelope.data.event_id}`);
      return;
    }
    await next();
  };
}

/** A store that cannot be asked (down, locked past its retries) must not silence the bot: answer, and say why. */
async function firstTimeOrAnswer(dedupe: EventDedupe, eventId: string, logger: { warn(message: string): void }): Promise<boolean> {
  try {
    return await dedupe.firstTime(eventId);
  } catch (err) {
    logger.warn(`Could not check event ${eventId} against earlier deliveries (${(err as Error).message}); answering it`);
    return true;
  }
}
