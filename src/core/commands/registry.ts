import { distance } from 'fastest-levenshtein';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Reply } from '../reply/reply.js';
import { clipAtWord } from '../ask/question-parts.js';
import { askCommand } from './ask.js';
import type { CommandContext, CommandSpec, Origin } from './command-spec.js';
import { commandName } from './command-name.js';
import { helpReply } from './help.js';
import { proposalCommand } from './proposal.js';
import { proposalsCommand } from './proposals.js';
import { sourcesCommand } from './sources.js';
import { statusCommand } from './status.js';
import { timelineCommand } from './timeline.js';
import { whoCommand } from './who.js';

/** Longest argument a command reads; the rest of a pasted essay is ignored rather than rejected. */
export const MAX_ARGUMENT_CHARS = 500;

const helpCommand: CommandSpec = {
  name: 'help',
  summary: 'This list.',
  example: '/strike help',
  run: (ctx, _args, origin) => helpReply(ctx, allCommands(ctx), origin),
};

const CORE_COMMANDS: CommandSpec[] = [statusCommand, proposalsCommand, proposalCommand, timelineCommand, whoCommand, sourcesCommand, askCommand, helpCommand];

/** The core commands plus any registered extensions (digests, editor tools). */
export function allCommands(ctx: CommandContext): CommandSpec[] {
  return [...CORE_COMMANDS, ...(ctx.extensions ?? [])];
}

/** What a line of /strike text means: a command with its argument, a question, or an unknown word. */
export type ParsedText =
  | { kind: 'command'; name: string; args: string }
  | { kind: 'question'; text: string }
  | { kind: 'unknown'; word: string; suggestion?: string };

/** Drops control characters and caps the length, so any text is safe to parse and echo. */
export function cleanInput(text: string): string {
  return clipAtWord(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\ufeff]/g, ' ').trim(), MAX_ARGUMENT_CHARS * 4);
}

/** Parses the text after /strike: "status", "proposal mini rooms", "what did the guild say?". */
export function parseCommandText(ctx: CommandContext, raw: string): ParsedText {
  const text = cleanInput(raw).replace(/^\/?strike\b\s*/i, '');
  if (!text) return { kind: 'command', name: 'help', args: '' };
  const [first = '', ...rest] = text.split(/\s+/);
  const word = first.toLowerCase().replace(/^\//, '');
  const spec = allCommands(ctx).find((c) => c.name === word);
  if (spec) return { kind: 'command', name: spec.name, args: rest.join(' ') };
  // One bare word close to a command's name is a mistyped command ("stauts"); any other text is a question, as the
  // README promises ("/strike staffing" asks about staffing).
  if (rest.length === 0 && !text.endsWith('?')) {
    const suggestion = allCommands(ctx)
      .map((c) => ({ name: c.name, d: distance(c.name, word) }))
      .filter((c) => c.d <= 2 && c.d < c.name.length / 2)
      .sort((a, b) => a.d - b.d)[0]?.name;
    if (suggestion) return { kind: 'unknown', word: first, suggestion };
  }
  return { kind: 'question', text };
}

/** Runs a parsed line and returns the reply; never throws on user input. */
export async function runParsed(ctx: CommandContext, parsed: ParsedText, origin: Origin): Promise<Reply> {
  if (parsed.kind === 'question') return askCommand.run(ctx, clipAtWord(parsed.text, MAX_ARGUMENT_CHARS), origin);
  if (parsed.kind === 'unknown') return unknownCommandReply(ctx, origin, parsed.word, parsed.suggestion);
  const spec = allCommands(ctx).find((c) => c.name === parsed.name);
  if (!spec) return unknownCommandReply(ctx, origin, parsed.name);
  return spec.run(ctx, clipAtWord(parsed.args, MAX_ARGUMENT_CHARS), origin);
}

/** Parses and runs /strike text in one step, as every adapter does. */
export function runCommandText(ctx: CommandContext, text: string, origin: Origin): Promise<Reply> {
  return runParsed(ctx, parseCommandText(ctx, text), origin);
}

function unknownCommandReply(ctx: CommandContext, origin: Origin, word: string, suggestion?: string): Reply {
  const reply = new ReplyBuilder(ctx.knowledge, 'unknown', `I don’t know the command “${word.slice(0, 40)}”`);
  if (suggestion) reply.text(`Did you mean ${commandName(origin, suggestion)}?`);
  reply.text(`Commands: ${allCommands(ctx).map((c) => c.name).join(', ')}. Or ask a question in your own words, e.g. /strike who is the AMPTP’s chief executive?`);
  return reply.build({ answered: false });
}
