import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contextFromPack } from '../../core/create-context.js';
import type { ArticleDraft } from '../../core/ingest/draft-patch.js';
import { extractDrafts, type ArticleFindings } from '../../core/ingest/extract-drafts.js';
import { loadPack } from '../../core/knowledge/load-pack.js';
import type { Knowledge } from '../../core/knowledge/knowledge.js';
import { formatProblem } from '../../core/patch/patch-problem.js';
import { fixedClock } from '../../core/time/clock.js';
import { updateLabel } from '../../core/updates/update-schema.js';
import { WGA_2023_PACK_DIR } from '../../content/packs.js';
import { openCliDesk, type CliDesk } from './cli-desk.js';
import { cliStoreConfig, storeMayHoldData } from './cli-store.js';
import { beforeAfter, renderFindings } from './ingest-render.js';

const OPTIONS = {
  json: { type: 'boolean' },
  apply: { type: 'boolean' },
  yes: { type: 'boolean' },
  outlet: { type: 'string' },
  url: { type: 'string' },
  date: { type: 'string' },
  now: { type: 'string' },
} as const;
const USAGE = 'Usage: cli ingest <file|-> [--json] [--apply [--yes]] [--outlet <name>] [--url <address>] [--date YYYY-MM-DD] [--now <ISO date>]';
/** Longest article read; wire copy is far shorter, and this keeps a wrong file from flooding the terminal. */
const MAX_ARTICLE_CHARS = 200_000;

type Out = { out: string; code: number };

/**
 * `cli ingest <file|->`: reads a news article's plain text and prints drafts for an editor. With --apply the drafts
 * are stored (in DATABASE_URL, else DATABASE_PATH) as unverified patches, each with the article's sentences as private evidence; a stance or status change is shown before and after, and is
 * stored only with --yes. Returns undefined when the line is not an ingest.
 */
export async function runIngestCli(argv: string[], env: NodeJS.ProcessEnv, stdin: () => Promise<string> = readStdin): Promise<Out | undefined> {
  if (parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS }).positionals[0] !== 'ingest') return undefined;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    return { out: `${(err as Error).message}\n${USAGE}`, code: 2 };
  }
  const { values, positionals } = parsed;
  const file = positionals[1];
  if (!file || positionals.length > 2) return { out: `Name one article file, or - to read it from standard input.\n${USAGE}`, code: 2 };
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) return { out: `--now must be an ISO date such as 2023-08-12T10:00:00Z, not “${values.now}”.`, code: 2 };
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) return { out: `--date must be YYYY-MM-DD, not “${values.date}”.`, code: 2 };
  let text: string;
  try {
    text = file === '-' ? await stdin() : readFileSync(file, 'utf8');
  } catch (err) {
    return { out: `Could not read ${file}: ${(err as Error).message}`, code: 1 };
  }
  if (!text.trim()) return { out: 'The article is empty.', code: 1 };

  // Read against what is stored too, so "before" is today's knowledge, not the shipped pack's; without --apply and
  // no database yet, nothing is created.
  const desk = values.apply || storeMayHoldData(cliStoreConfig(env)) ? await openCliDesk(env, fixedClock(now.toISOString()), 'cli') : undefined;
  try {
    const ctx = desk?.ctx ?? contextFromPack(loadPack(env.KNOWLEDGE_PACK || WGA_2023_PACK_DIR));
    // Storing a draft moves the context on: before and after are shown against the knowledge the article met.
    const knowledge = ctx.knowledge;
    const findings = extractDrafts(text.slice(0, MAX_ARTICLE_CHARS), ctx, {
      now,
      ...(values.outlet ? { outlet: values.outlet } : {}),
      ...(values.url ? { url: values.url } : {}),
      ...(values.date ? { date: values.date } : {}),
    });
    const applied = values.apply && desk ? await storeDrafts(findings, desk, values.yes === true) : undefined;
    const failed = applied?.some((a) => a.problems) ?? false;
    if (values.json) {
      // A stance or status change is never stored unseen, in JSON too: each carries its before and after.
      const shown = applied?.map((a) => ({ ...a, ...withChange(findings.drafts[a.draft - 1]!, knowledge) }));
      return { out: JSON.stringify(shown ? { drafts: findings.drafts, applied: shown } : findings.drafts, null, 2), code: failed ? 1 : 0 };
    }
    const lines = renderFindings(findings, knowledge);
    if (applied) lines.push('', ...applied.map((a) => appliedLine(a, findings.drafts[a.draft - 1]!, knowledge)));
    if (applied?.some((a) => a.id)) lines.push('An editor rewrites what needs it (cli desk show <id>, cli desk amend <id> <file>) and verifies each one with cli desk verify <id> before it reaches a digest.');
    if (applied?.some((a) => a.held)) lines.push('Stance and status changes are stored only when you confirm them: run again with --apply --yes.');
    if (!applied) lines.push('', 'Nothing was stored. Run again with --apply to store these drafts as unverified patches (stance and status changes also need --yes).');
    return { out: lines.join('\n'), code: failed ? 1 : 0 };
  } finally {
    await desk?.close();
  }
}

/** What happened to one draft on --apply. */
interface AppliedDraft {
  draft: number;
  id?: number;
  /** A stance or status change left unstored because --yes was not given. */
  held?: boolean;
  problems?: string[];
}

function withChange(draft: ArticleDraft, knowledge: Knowledge): { change?: string } {
  const change = beforeAfter(draft, knowledge);
  return change ? { change } : {};
}

function appliedLine(a: AppliedDraft, draft: ArticleDraft, knowledge: Knowledge): string {
  const change = beforeAfter(draft, knowledge);
  const shown = change ? ` ${change}` : '';
  if (a.id) return `Stored draft ${a.draft} as patch ${updateLabel(a.id)} (unverified).${shown}`;
  if (a.held) return `Draft ${a.draft} was not stored: it changes ${draft.kind === 'status' ? 'the status' : 'a stance'}.${shown}`;
  return `Draft ${a.draft} was not stored: ${a.problems!.join('; ')}`;
}

/**
 * Stores each draft the knowledge accepts through the patch desk `desk apply` uses, unverified and from "ingest",
 * with the article's sentences kept beside it as private evidence. Stance and status changes are held unless
 * `confirmed` (--yes).
 */
async function storeDrafts(findings: ArticleFindings, desk: CliDesk, confirmed: boolean): Promise<AppliedDraft[]> {
  const sentences = findings.sentences.map((s) => s.sentence);
  const applied: AppliedDraft[] = [];
  for (const [i, d] of findings.drafts.entries()) {
    if ((d.kind === 'stance' || d.kind === 'status') && !confirmed) {
      applied.push({ draft: i + 1, held: true });
      continue;
    }
    const outcome = await desk.patches.apply(desk.ctx, d.patch, desk.origin, { title: d.label, unverified: true, origin: 'ingest' });
    if (outcome.kind === 'refused') applied.push({ draft: i + 1, problems: [outcome.reason] });
    else if (outcome.kind === 'invalid') applied.push({ draft: i + 1, problems: outcome.problems.map((p) => formatProblem(p)) });
    else {
      const evidence = { sentence: d.evidence.sentence, ...(d.evidence.cue ? { cue: d.evidence.cue } : {}), ...(findings.outlet ? { outlet: findings.outlet } : {}), sentences };
      await desk.evidence.add(outcome.record.id, evidence, desk.ctx.clock());
      applied.push({ draft: i + 1, id: outcome.record.id });
    }
  }
  return applied;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > MAX_ARTICLE_CHARS * 4) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}
