import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { allCommands, parseCommandText, runParsed, type ParsedText } from '../../core/commands/registry.js';
import { toAnswerJson } from '../../core/reply/answer-json.js';
import { fixedClock, systemClock } from '../../core/time/clock.js';
import { loadCliContext } from './cli-context.js';
import { renderTerminal } from './render-terminal.js';
import { runDigestCli } from './digest-cli.js';
import { runIngestCli } from './ingest-cli.js';
import { cliHelp, commandHelp } from './cli-commands.js';

/** `--help`/`-h` anywhere: the whole list, or the first word's own help when it names a command. */
function helpFor(argv: string[]): { out: string; code: number } | undefined {
  if (!argv.includes('--help') && !argv.includes('-h')) return undefined;
  const first = argv.find((a) => !a.startsWith('-'));
  if (first === undefined) return { out: cliHelp(), code: 0 };
  const one = commandHelp(first);
  return one ? { out: one, code: 0 } : { out: `Unknown command “${first}”.\n\n${cliHelp()}`, code: 2 };
}
import { runDeskCli } from './desk-cli.js';

/** Runs one command and returns what to print and the exit code; main() does the I/O. */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ out: string; code: number }> {
  const help = helpFor(argv);
  if (help) return help;
  const digest = await runDigestCli(argv, env);
  if (digest) return digest;
  const ingest = await runIngestCli(argv, env);
  if (ingest) return ingest;
  const desk = await runDeskCli(argv, env);
  if (desk) return desk;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, now: { type: 'string' } } });
  } catch (err) {
    return { out: `${(err as Error).message}\nUsage: cli <command> [args] [--json] [--now <ISO date>]`, code: 2 };
  }
  const { values, positionals } = parsed;
  let clock = systemClock;
  if (values.now !== undefined) {
    if (Number.isNaN(Date.parse(values.now))) return { out: `--now must be an ISO date such as 2023-08-05 or 2023-08-05T09:00:00Z, not “${values.now}”.`, code: 2 };
    clock = fixedClock(values.now);
  }
  const ctx = await loadCliContext(env, clock);
  // The same parser as /strike: a command, a mistyped one ("stauts"), or a question in other words ("staffing").
  const line = positionals.join(' ');
  const input: ParsedText = positionals.length === 0 ? ({ kind: 'command', name: 'help', args: '' } as const) : parseCommandText(ctx, line);
  if (input.kind === 'unknown') {
    const names = allCommands(ctx).map((c) => c.name);
    const hint = input.suggestion ? ` Did you mean cli ${input.suggestion}?` : '';
    return { out: `Unknown command “${input.word.slice(0, 40)}”.${hint} Commands: ${names.join(', ')}. Or ask a question: cli ask "…".`, code: 2 };
  }
  const reply = await runParsed(ctx, input, { platform: 'shell', userId: 'cli' });
  const asked = input.kind === 'question' || input.name === 'ask';
  if (values.json) return { out: JSON.stringify(asked ? toAnswerJson(reply) : reply, null, 2), code: 0 };
  const tty = Boolean(process.stdout.isTTY);
  return { out: renderTerminal(reply, { color: tty && !env.NO_COLOR, ...(tty ? { width: process.stdout.columns } : {}) }), code: 0 };
}

// Run only when executed directly (tests import runCli).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The same .env as npm start, so `cli ingest --apply` writes to the database the bot reads.
  dotenv.config({ quiet: true });
  runCli(process.argv.slice(2))
    .then(({ out, code }) => {
      (code === 0 ? process.stdout : process.stderr).write(`${out}\n`);
      process.exitCode = code;
    })
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
