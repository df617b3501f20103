import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { allCommands, runCommandText } from '../../src/core/commands/registry.js';
import type { Reply } from '../../src/core/reply/reply.js';

/**
 * Every /strike text worth trying on a pack: each command bare, each proposal and each person or party by every
 * name and alias, and questions combining them. The longest reply a pack can produce is among these.
 */
export function everyCommandText(ctx: CommandContext): string[] {
  const { knowledge } = ctx;
  const proposalNames = knowledge.pack.proposals.flatMap((p) => [p.name, ...p.aliases]);
  const actorNames = [
    ...knowledge.pack.people.flatMap((p) => [p.name, ...p.aliases]),
    ...knowledge.pack.parties.flatMap((p) => [p.name, p.shortName, ...p.aliases]),
  ];
  const texts = [
    '',
    ...allCommands(ctx).map((c) => c.name),
    ...proposalNames.map((n) => `proposal ${n}`),
    ...actorNames.map((n) => `who ${n}`),
    ...[...proposalNames, ...actorNames].map((n) => `ask what is ${n}?`),
    ...actorNames.flatMap((a) => knowledge.pack.proposals.map((p) => `ask where does ${a} stand on ${p.name}?`)),
    ...actorNames.map((a) => `what did ${a} say?`),
    'proposal no such thing',
    'who nobody at all',
    'stauts',
  ];
  return [...new Set(texts)];
}

/** Runs every text and returns each reply beside the text that produced it. */
export async function everyPackReply(ctx: CommandContext): Promise<{ text: string; reply: Reply }[]> {
  const out: { text: string; reply: Reply }[] = [];
  for (const text of everyCommandText(ctx)) out.push({ text, reply: await runCommandText(ctx, text, { platform: 'slack', userId: 'U0MEMBER', channelId: 'C0NEWS' }) });
  return out;
}
