import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { loadContext } from '../../src/core/create-context.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { fixedClock } from '../../src/core/time/clock.js';

/** The shipped pack with the clock pinned (default: the day after the Aug 4, 2023 meeting, so nothing is stale). */
export function shippedContext(now = '2023-08-05T12:00:00Z'): CommandContext {
  return loadContext(WGA_2023_PACK_DIR, { clock: fixedClock(now) });
}

/** Every line of text a reply shows, in order. */
export function replyLines(reply: { blocks: import('../../src/core/reply/reply.js').Block[] }): { text: string; cites: number[] }[] {
  return reply.blocks.flatMap((b) => {
    switch (b.kind) {
      case 'text':
        return [b.line];
      case 'list':
        return b.items;
      case 'fields':
        return b.fields.map((f) => ({ text: `${f.label}: ${f.value}`, cites: f.cites }));
      case 'quote':
        return [{ text: b.quote, cites: b.cites }];
      default:
        return [];
    }
  });
}
