import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { allCommands, cleanInput, type ParsedText } from '../../core/commands/registry.js';

/** The parts of a command interaction the adapter reads, free of discord.js objects. */
export interface StrikeInvocation {
  subcommand: string;
  options: Record<string, string | number | boolean | undefined>;
}

/** Reads the subcommand and its typed option values from a /strike, /strike-digest or /strike-editor interaction. */
export function invocationFromInteraction(interaction: ChatInputCommandInteraction): StrikeInvocation {
  const sub = interaction.options.data[0];
  const options: StrikeInvocation['options'] = {};
  for (const o of sub?.options ?? []) options[o.name] = o.value;
  // data[0] is the subcommand, or the group of an old registration (/strike digest subscribe reads "digest").
  return { subcommand: sub?.name ?? '', options };
}

/**
 * Maps subcommand and options to the core's parsed form: `/strike proposal name:mini rooms` becomes the proposal
 * command with "mini rooms". A subcommand the core no longer has (an old registration) reads as unknown.
 */
export function parseStrikeInvocation(ctx: CommandContext, invocation: StrikeInvocation): ParsedText {
  const spec = allCommands(ctx).find((c) => c.name === invocation.subcommand);
  if (!spec) return { kind: 'unknown', word: invocation.subcommand || 'strike' };
  const value = spec.arg ? invocation.options[spec.arg.name] : undefined;
  return { kind: 'command', name: spec.name, args: value === undefined ? '' : cleanInput(String(value)) };
}
