import { askCommand } from '../commands/ask.js';
import { commandName } from '../commands/command-name.js';
import type { CommandContext, CommandSpec, Origin } from '../commands/command-spec.js';
import type { Reply } from '../reply/reply.js';
import type { EditorDesk } from './editor-desk.js';
import { noteReply } from './editor-replies.js';
import { parseUpdateId } from './update-schema.js';

/** The names of the editor commands; adapters route these to their forms and private answers. */
export const EDITOR_COMMANDS = ['update', 'correct', 'verify', 'log'] as const;

/** What `/strike correct ...` asks for. */
export type CorrectRequest =
  | { action: 'retract' | 'amend'; id: number; reason: string }
  | { action: 'invalid'; problem: string };

const correctUsage = (origin?: Origin) =>
  `Use ${commandName(origin, 'correct <update id> retract <reason>')}, or ${commandName(origin, 'correct <update id> amend <reason>')} to open the form with its current content.`;

/** Reads "7 retract the meeting was on Aug 10" or "#7 amend wrong date"; problems name commands as `origin` spells them. */
export function parseCorrectArgs(args: string, origin?: Origin): CorrectRequest {
  const [idText = '', action = '', ...rest] = args.trim().split(/\s+/);
  const id = parseUpdateId(idText);
  if (!idText) return { action: 'invalid', problem: `Which update? ${correctUsage(origin)}` };
  if (id === undefined) return { action: 'invalid', problem: `“${idText.slice(0, 20)}” is not an update id (they look like 7 or #7; see ${commandName(origin, 'log')}). ${correctUsage(origin)}` };
  const verb = action.toLowerCase();
  if (verb !== 'retract' && verb !== 'amend') return { action: 'invalid', problem: `Say whether to retract or amend update #${id}. ${correctUsage(origin)}` };
  return { action: verb, id, reason: rest.join(' ') };
}

/** Whether `/strike update ...` asks for the unverified box to start ticked. */
export function wantsUnverified(args: string): boolean {
  return /\bunverified\b/i.test(args);
}

// Without a platform form (the shell, or an adapter that does not intercept), the form commands explain themselves.
const FORM_ONLY = 'Updates are entered in a form: run /strike update in Slack or Discord. From the command line, npm run cli -- ingest <article> --apply stores an article’s drafts as unverified updates.';

async function authorized(desk: EditorDesk, ctx: CommandContext, origin: Origin, action: string, then: () => Promise<Reply> | Reply): Promise<Reply> {
  return (await desk.authorize(ctx, origin, action)) ?? then();
}

type Description = Omit<CommandSpec, 'run'>;

/** How the editor commands present themselves (help, Discord registration). */
const DESCRIPTIONS: Record<(typeof EDITOR_COMMANDS)[number], Description> = {
  update: {
    name: 'update',
    arg: { name: 'flags', description: 'Optional: “unverified” to start the form marked unverified', required: false },
    summary: 'Editors: add a new development (opens a form).',
    example: '/strike update',
  },
  correct: {
    name: 'correct',
    arg: { name: 'correction', description: '<update id> retract|amend <reason>', required: true },
    summary: 'Editors: amend or retract an update; posted digests are edited.',
    example: '/strike correct 7 retract the meeting was on Aug 10',
  },
  verify: {
    name: 'verify',
    arg: { name: 'id', description: 'The id of an unverified update, e.g. 7', required: true },
    summary: 'Editors: mark an unverified update verified.',
    example: '/strike verify 7',
  },
  log: { name: 'log', summary: 'Editors: recent updates and corrections, with authors and times.', example: '/strike log' },
};

/** The editor commands as described to users, without a desk behind them: for registering /strike on Discord. */
export function editorCommandDescriptions(): CommandSpec[] {
  return EDITOR_COMMANDS.map((name) => ({ ...DESCRIPTIONS[name], run: (ctx) => noteReply(ctx, 'Not available here', 'Editor commands run in the bot.') }));
}

/** `/strike update`, `correct`, `verify` and `log` as core extension commands; every one is for editors only. */
export function createEditorCommands(desk: EditorDesk): CommandSpec[] {
  return [
    {
      ...DESCRIPTIONS.update,
      run(ctx, args, origin) {
        // "/strike update on mini rooms?" is a question that happens to start with the command's name.
        if (args.trim() && !wantsUnverified(args)) return askCommand.run(ctx, `update ${args}`, origin);
        return authorized(desk, ctx, origin, 'update', () => noteReply(ctx, 'Add an update', FORM_ONLY));
      },
    },
    {
      ...DESCRIPTIONS.correct,
      async run(ctx, args, origin) {
        const request = parseCorrectArgs(args, origin);
        if (request.action === 'retract') return desk.retract(ctx, origin, request.id, request.reason);
        const label = request.action === 'invalid' ? 'correct' : `correct #${request.id}`;
        return authorized(desk, ctx, origin, label, () =>
          request.action === 'invalid' ? noteReply(ctx, 'Which correction?', request.problem) : noteReply(ctx, `Amend update #${request.id}`, FORM_ONLY),
        );
      },
    },
    {
      ...DESCRIPTIONS.verify,
      async run(ctx, args, origin) {
        const id = parseUpdateId(args);
        if (id === undefined) return authorized(desk, ctx, origin, 'verify', () => noteReply(ctx, 'Which update?', `Name the update to verify, e.g. ${commandName(origin, 'verify 7')} (see ${commandName(origin, 'log')}).`));
        return desk.verify(ctx, origin, id);
      },
    },
    { ...DESCRIPTIONS.log, run: (ctx, _args, origin) => desk.logFor(ctx, origin) },
  ];
}
