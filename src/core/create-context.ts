import type { CommandContext, CommandSpec } from './commands/command-spec.js';
import { Knowledge } from './knowledge/knowledge.js';
import { loadPack } from './knowledge/load-pack.js';
import type { Pack } from './knowledge/schema.js';
import { EntityIndex } from './match/entity-index.js';
import { systemClock, type Clock } from './time/clock.js';

/** Builds the context every command runs in from an already validated pack. */
export function contextFromPack(pack: Pack, options: { clock?: Clock; extensions?: CommandSpec[] } = {}): CommandContext {
  const knowledge = new Knowledge(pack);
  return { knowledge, entities: new EntityIndex(knowledge), clock: options.clock ?? systemClock, ...(options.extensions ? { extensions: options.extensions } : {}) };
}

/**
 * Points a shared context at new knowledge (the pack merged with editors' updates) in place, so adapters holding
 * the same object answer from it at once. `verifiedPack` is the same merge without unverified updates, for digests.
 */
export function refreshContext(ctx: CommandContext, pack: Pack, verifiedPack?: Pack): void {
  const knowledge = new Knowledge(pack);
  ctx.knowledge = knowledge;
  ctx.entities = new EntityIndex(knowledge);
  if (verifiedPack) ctx.verifiedKnowledge = new Knowledge(verifiedPack);
  else delete ctx.verifiedKnowledge;
}

/** Loads a pack folder and builds the command context; throws PackError on a broken pack. */
export function loadContext(packDir: string, options: { clock?: Clock; extensions?: CommandSpec[] } = {}): CommandContext {
  return contextFromPack(loadPack(packDir), options);
}
