import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stanceLabel } from '../../core/commands/stance-words.js';
import { contextFromPack } from '../../core/create-context.js';
import { extractDrafts, type ArticleFindings } from '../../core/ingest/extract-drafts.js';
import { loadPack } from '../../core/knowledge/load-pack.js';
import type { Knowledge } from '../../core/knowledge/knowledge.js';
import type { Pack } from '../../core/knowledge/schema.js';
import { formatDay } from '../../core/time/format-date.js';
import { applyUpdates } from '../../core/updates/apply-updates.js';
import { fieldLabel } from '../../core/updates/editor-replies.js';
import { mergeStored } from '../../core/updates/merge-stored.js';
import { UpdateError } from '../../core/updates/update-error.js';
import { EditorUpdateSchema, updateLabel, type UpdateRecord } from '../../core/updates/update-schema.js';
import { WGA_2023_PACK_DIR } from '../../content/packs.js';
import { openDatabase } from '../../store/open-database.js';
import { UpdateStore } from '../../store/update-store.js';

const OPTIONS = {
  json: { type: 'boolean' },
  apply: { type: 'boolean' },
  outlet: { type: 'string' },
  url: { type: 'string' },
  date: { type: 'string' },
  now: { type: 'string' },
} as const;
const USAGE = 'Usage: cli ingest <file|-> [--json] [--apply] [--outlet <name>] [--url <address>] [--date YYYY-MM-DD] [--now <ISO date>]';
/** Longest article read; wire copy is far shorter, and this keeps a wrong file from flooding the terminal. */
const MAX_ARTICLE_CHARS = 200_000;

type Out = { out: string; code: number };

/**
 * `cli ingest <file|->`: reads a news article's plain text and prints draft updates for an editor. With --apply the
 * drafts are stored (in DATABASE_PATH) as unverified updates. Returns undefined when the line is not an ingest.
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

  const pack = loadPack(env.KNOWLEDGE_PACK ?? WGA_2023_PACK_DIR);
  const ctx = contextFromPack(pack);
  const findings = extractDrafts(text.slice(0, MAX_ARTICLE_CHARS), ctx, {
    now,
    ...(values.outlet ? { outlet: values.outlet } : {}),
    ...(values.url ? { url: values.url } : {}),
    ...(values.date ? { date: values.date } : {}),
  });
  const applied = values.apply ? storeDrafts(findings, pack, env.DATABASE_PATH ?? './data/strikewire.db', now) : undefined;
  if (values.json) {
    const updates = findings.drafts.map((d) => ({ ...d.update, evidence: d.sentence }));
    return { out: JSON.stringify(applied ? { updates, applied } : updates, null, 2), code: applied?.some((a) => a.problems) ? 1 : 0 };
  }
  const lines = renderFindings(findings, ctx.knowledge);
  if (applied) lines.push('', ...applied.map((a) => (a.id ? `Stored draft ${a.draft} as update ${updateLabel(a.id)} (unverified).` : `Draft ${a.draft} was not stored: ${a.problems!.join('; ')}`)));
  if (applied?.some((a) => a.id)) lines.push('An editor verifies each one with /strike verify <id> before it reaches a digest; /strike log lists them.');
  if (!applied) lines.push('', 'Nothing was stored. Run again with --apply to store these drafts as unverified updates.');
  return { out: lines.join('\n'), code: applied?.some((a) => a.problems) ? 1 : 0 };
}

/** Stores each draft that the knowledge accepts, as an unverified update from "cli". */
function storeDrafts(findings: ArticleFindings, pack: Pack, databasePath: string, now: Date): { draft: number; id?: number; problems?: string[] }[] {
  const db = openDatabase(databasePath);
  try {
    const store = new UpdateStore(db);
    const accepted: UpdateRecord[] = mergeStored(pack, store.list()).accepted;
    return findings.drafts.map((d, i) => {
      const parsed = EditorUpdateSchema.safeParse({ ...d.update, unverified: true });
      if (!parsed.success) return { draft: i + 1, problems: parsed.error.issues.map((p) => `${fieldLabel(p.path.join('.'))}: ${p.message}`) };
      const candidate: UpdateRecord = { id: Math.max(0, ...accepted.map((r) => r.id)) + 1, update: parsed.data, author: 'cli', recordedAt: now.toISOString(), unverified: true, origin: 'ingest' };
      try {
        applyUpdates(pack, [...accepted, candidate], { now });
      } catch (err) {
        if (err instanceof UpdateError) return { draft: i + 1, problems: err.problems.map((p) => `${fieldLabel(p.field)}: ${p.problem}`) };
        throw err;
      }
      const record = store.add({ update: parsed.data, origin: 'ingest', author: 'cli', at: now });
      accepted.push(record);
      return { draft: i + 1, id: record.id };
    });
  } finally {
    db.close();
  }
}

/** The findings as an editor reads them: what the article mentions, then each draft with its sentence. */
export function renderFindings(f: ArticleFindings, knowledge: Knowledge): string[] {
  const quoted = (s: string) => `“${s.length > 160 ? `${s.slice(0, 159)}…` : s}”`;
  const lines = [`Drafts from ${f.headline ? `“${f.headline}”` : 'the article'}`, `${f.outlet ?? 'Outlet unknown (name it with --outlet)'}, ${formatDay(f.articleDate)}`];
  lines.push('', 'MENTIONED');
  if (f.mentions.length === 0) lines.push('  Nothing the knowledge knows about.');
  for (const m of f.mentions) lines.push(`  ${m.name} (${m.kind}), ${m.count} time${m.count === 1 ? '' : 's'}; first in ${quoted(m.firstSentence)}`);
  const dates = f.sentences.flatMap((s) => s.dates.map((d) => ({ d, s })));
  if (dates.length > 0) lines.push('', 'DATES NAMED', ...dates.map(({ d, s }) => `  ${d.text} = ${formatDay(d.date)}${d.relative ? ' (worked out from the article’s date)' : ''}, in ${quoted(s.sentence)}`));
  const quotes = f.sentences.flatMap((s) => s.quotes.map((q) => ({ q, s })));
  if (quotes.length > 0) {
    lines.push('', 'QUOTES');
    for (const { q, s } of quotes) {
      const who = q.speaker ? knowledge.nameOf(q.speaker) : `not anyone the knowledge knows (${q.attribution ?? 'no attribution'})`;
      lines.push(`  ${who}: “${q.text}”, in ${quoted(s.sentence)}`);
    }
  }
  const cues = f.sentences.flatMap((s) => s.cues.map((c) => ({ c, s })));
  if (cues.length > 0) {
    lines.push('', 'STANCE CUES');
    for (const { c, s } of cues) lines.push(`  ${knowledge.proposals.get(c.proposal)?.name ?? c.proposal}: ${knowledge.nameOf(c.party)} ${stanceLabel(c.stance)} (“${c.cue}”), in ${quoted(s.sentence)}`);
  }
  lines.push('', `DRAFT UPDATES (${f.drafts.length}, all unverified until an editor verifies them)`);
  f.drafts.forEach((d, i) => {
    const u = d.update;
    const facts = [
      u.proposals?.length ? `Proposals: ${u.proposals.map((p) => knowledge.proposals.get(p)?.name ?? p).join('; ')}` : undefined,
      u.stance ? `Stance change: ${knowledge.nameOf(u.stance.party)} ${stanceLabel(u.stance.stance)}` : undefined,
      u.contact ? 'The sides met' : undefined,
    ].filter(Boolean);
    lines.push(`${i + 1}. ${formatDay(u.date)}: ${u.title}`, `   What happened (the article's sentence): ${u.what}`);
    if (facts.length > 0) lines.push(`   ${facts.join(' | ')}`);
    if (u.quote) lines.push(`   Quote: ${knowledge.nameOf(u.quote.speaker)}: “${u.quote.text}”`);
    lines.push(`   Source: ${u.source?.outlet || '(outlet unknown)'}, “${u.source?.title ?? ''}” (${u.source?.kind ?? 'press'})${u.source?.url ? ` ${u.source.url}` : ''}`);
    // The draft's account is its sentence unless it had to be shortened.
    if (u.what !== d.sentence) lines.push(`   From: ${quoted(d.sentence)}`);
  });
  return lines;
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
