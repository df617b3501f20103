/** One command of `npm run cli`, as `cli --help` lists it. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  /** Subcommands (desk's), each with its own usage and summary. */
  subcommands?: { usage: string; summary: string }[];
}

// The one list `cli --help` and `cli <command> --help` are built from. Other branches add commands here too
// (desk is wired in its own branch): keep one entry per command, in the order people need them.
export const CLI_COMMANDS: readonly CliCommand[] = [
  { name: 'status', usage: 'cli status', summary: 'Where the dispute stands: status, open proposals, last and next contact.' },
  { name: 'proposals', usage: 'cli proposals', summary: 'Every proposal on the table, with each side’s stance.' },
  { name: 'proposal', usage: 'cli proposal <name>', summary: 'One proposal: what it is, who proposed it, each side’s stance and its history.' },
  { name: 'timeline', usage: 'cli timeline', summary: 'What happened when, oldest first.' },
  { name: 'who', usage: 'cli who <name>', summary: 'A person or party: who they are, their positions and what they said.' },
  { name: 'sources', usage: 'cli sources', summary: 'Every source the knowledge is built from.' },
  { name: 'ask', usage: 'cli ask "<question>"', summary: 'Answers a question in one to three sentences with sources, or says it does not know.' },
  { name: 'help', usage: 'cli help', summary: 'What the bot answers, as chat users see it.' },
  { name: 'digest', usage: 'cli digest [--since <ISO date>] [--now <ISO date>] [--tz <IANA zone>] [--json]', summary: 'The daily digest as a channel would get it.' },
  {
    name: 'ingest',
    usage: 'cli ingest <file|-> [--json] [--apply [--yes]] [--outlet <name>] [--url <address>] [--date YYYY-MM-DD] [--now <ISO date>]',
    summary: 'Draft patches from a news article’s text; --apply stores them, unverified, in the store (DATABASE_URL, else DATABASE_PATH); stance and status changes need --yes.',
  },
  {
    name: 'desk',
    usage: 'cli desk <subcommand> [args]',
    summary: 'The editors’ desk: stored updates and corrections in the store (DATABASE_URL, else DATABASE_PATH).',
    subcommands: [
      { usage: 'cli desk apply <file>', summary: 'Store the updates in a file.' },
      { usage: 'cli desk list', summary: 'List stored updates.' },
      { usage: 'cli desk show <id>', summary: 'Show one stored update or patch, and a draft’s private evidence.' },
      { usage: 'cli desk verify <id>', summary: 'Mark an unverified patch as verified (refused while it copies an article’s wording).' },
      { usage: 'cli desk retract <id>', summary: 'Retract a stored update.' },
      { usage: 'cli desk amend <id> <file>', summary: 'Correct a stored update.' },
      { usage: 'cli desk export --out <dir>', summary: 'Write the current knowledge as a pack folder.' },
    ],
  },
];

const COMMON = 'Options for the knowledge commands: --json (machine-readable), --now <ISO date> (the clock). The CLI reads .env like npm start.';

/** `cli --help`: every command, one line each. */
export function cliHelp(): string {
  const width = Math.max(...CLI_COMMANDS.map((c) => c.name.length));
  const lines = CLI_COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: npm run --silent cli -- <command> [args] [options]', '', 'Commands:', ...lines, '', COMMON, 'Run cli <command> --help for one command.'].join('\n');
}

/** `cli <command> --help`: its usage and summary (and desk's subcommands), or undefined for an unknown name. */
export function commandHelp(name: string): string | undefined {
  const c = CLI_COMMANDS.find((x) => x.name === name);
  if (!c) return undefined;
  const subs = c.subcommands?.map((s) => `  ${s.usage}: ${s.summary}`) ?? [];
  return [`Usage: ${c.usage}`, c.summary, ...(subs.length ? ['', 'Subcommands:', ...subs] : [])].join('\n');
}
