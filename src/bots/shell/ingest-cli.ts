import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { contextFromPack } from '../../core/create-context.js';
import type { ArticleDraft } from '../../core/ingest/draft-patch.js';
import { draftToUpdate } from '../../core/ingest/draft-to-update.js';
import { extractDrafts, type ArticleFindings } from '../../core/ingest/extract-drafts.js';
import { loadPack } from '../../core/knowledge/load-pack.js';
import type { Knowledge } from '../../core/knowledge/knowledge.js';
import type { Pack } from '../../core/knowledge/schema.js';
import { applyUpdates } from '../../core/updates/apply-updates.js';
import { fieldLabel } from '../../core/updates/editor-replies.js';
import { mergeStored } from '../../core/updates/merge-stored.js';
import { UpdateError } from '../../core/updates/update-error.js';
import { EditorUpdateSchema, updateLabel, type UpdateRecord } from '../../core/updates/update-schema.js';
import { WGA_2023_PACK_DIR } from '../../content/packs.js';
import { openDatabase } from '../../store/open-database.js';
import { UpdateStore } from '../../store/update-store.js';
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
 * are stored (in DATABASE_PATH) as unverified updates; a stance or status change is shown before and after, and is
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

  const shipped = loadPack(env.KNOWLEDGE_PACK ?? WGA_2023_PACK_DIR);
  const databasePath = env.DATABASE_PATH ?? './data/strikewire.db';
  // Read against what is stored too, so "before" is today's knowledge, not the shipped pack's.
  const stored = values.apply || existsSync(databasePath) ? readStored(databasePath) : [];
  const ctx = contextFromPack(stored.length > 0 ? mergeStored(shipped, stored).pack : shipped);
  const findings = extractDrafts(text.slice(0, MAX_ARTICLE_CHARS), ctx, {
    now,
    ...(values.outlet ? { outlet: values.outlet } : {}),
    ...(values.url ? { url: values.url } : {}),
    ...(values.date ? { date: values.date } : {}),
  });
  const applied = values.apply ? storeDrafts(findings, shipped, databasePath, now, values.yes === true) : undefined;
  const failed = applied?.some((a) => a.problems) ?? false;
  if (values.json) {
    return { out: JSON.stringify(applied ? { drafts: findings.drafts, applied } : findings.drafts, null, 2), code: failed ? 1 : 0 };
  }
  const lines = renderFindings(findings, ctx.knowledge);
  if (applied) lines.push('', ...applied.map((a) => appliedLine(a, findings.drafts[a.draft - 1]!, ctx.knowledge)));
  if (applied?.some((a) => a.id)) lines.push('An editor verifies each one with /strike verify <id> before it reaches a digest; /strike log lists them.');
  if (applied?.some((a) => a.held)) lines.push('Stance and status changes are stored only when you confirm them: run again with --apply --yes.');
  if (!applied) lines.push('', 'Nothing was stored. Run again with --apply to store these drafts as unverified updates (stance and status changes also need --yes).');
  return { out: lines.join('\n'), code: failed ? 1 : 0 };
}

/** What happened to one draft on --apply. */
interface AppliedDraft {
  draft: number;
  id?: number;
  /** A stance or status change left unstored because --yes was not given. */
  held?: boolean;
  problems?: string[];
}

function appliedLine(a: AppliedDraft, draft: ArticleDraft, knowledge: Knowledge): string {
  const change = beforeAfter(draft, knowledge);
  const shown = change ? ` ${change}` : '';
  if (a.id) return `Stored draft ${a.draft} as update ${updateLabel(a.id)} (unverified).${shown}`;
  if (a.held) return `Draft ${a.draft} was not stored: it changes ${draft.kind === 'status' ? 'the status' : 'a stance'}.${shown}`;
  return `Draft ${a.draft} was not stored: ${a.problems!.join('; ')}`;
}

function readStored(databasePath: string): UpdateRecord[] {
  const db = openDatabase(databasePath);
  try {
    return new UpdateStore(db).list();
  } finally {
    db.close();
  }
}

/**
 * Stores each draft that the knowledge accepts, as an unverified update from "cli". Stance and status changes are
 * held unless `confirmed` (--yes). Conversion to today's update is `draftToUpdate`, the one function the patch
 * store replaces.
 */
function storeDrafts(findings: ArticleFindings, pack: Pack, databasePath: string, now: Date, confirmed: boolean): AppliedDraft[] {
  const db = openDatabase(databasePath);
  try {
    const store = new UpdateStore(db);
    const accepted: UpdateRecord[] = mergeStored(pack, store.list()).accepted;
    return findings.drafts.map((d, i) => {
      if ((d.kind === 'stance' || d.kind === 'status') && !confirmed) return { draft: i + 1, held: true };
      const storable = draftToUpdate(d, findings.source);
      if ('problem' in storable) return { draft: i + 1, problems: [storable.problem] };
      const parsed = EditorUpdateSchema.safeParse(storable.update);
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
