import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import type { CommandContext, Origin } from '../../core/commands/command-spec.js';
import { copiedPublicText } from '../../core/patch/copied-text.js';
import type { PatchOutcome } from '../../core/patch/patch-desk.js';
import { PatchSchema } from '../../core/patch/patch-schema.js';
import { formatProblem, type PatchProblem } from '../../core/patch/patch-problem.js';
import { fixedClock, systemClock } from '../../core/time/clock.js';
import { summarize } from '../../core/updates/record-summary.js';
import { parseUpdateId, updateLabel, type UpdateRecord } from '../../core/updates/update-schema.js';
import type { DraftEvidence } from '../../store/evidence-store.js';
import type { UpdateStore } from '../../store/update-store.js';
import { openCliDesk } from './cli-desk.js';
import { correctionNote } from '../../core/updates/correction-text.js';
import { SYNC_INTERVAL_MS } from '../../editors/editor-service.js';
import { exportPack } from './pack-export.js';
import { readPatchFile } from './patch-file.js';
import { renderTerminal } from './render-terminal.js';

const OPTIONS = {
  now: { type: 'string' },
  as: { type: 'string' },
  unverified: { type: 'boolean' },
  title: { type: 'string' },
  reason: { type: 'string' },
  out: { type: 'string' },
} as const;
const USAGE = [
  'Usage: cli desk apply <file.yaml|file.json> [--now <ISO>] [--as <name>] [--unverified] [--title <text>]',
  '       cli desk list | show <id> | verify <id> | retract <id> --reason "…" | amend <id> <file> [--reason "…"] | export --out <dir>',
].join('\n');

type Out = { out: string; code: number };

/** `cli desk …`: editors' work on the stored patches from the command line. Undefined when the line is not a desk command. */
export async function runDeskCli(argv: string[], env: NodeJS.ProcessEnv): Promise<Out | undefined> {
  if (parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS }).positionals[0] !== 'desk') return undefined;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    return { out: `${(err as Error).message}\n${USAGE}`, code: 2 };
  }
  const { values, positionals } = parsed;
  const [, action, ...args] = positionals;
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) return { out: `--now must be an ISO date such as 2023-10-10 or 2023-10-10T09:00:00Z, not “${values.now}”.`, code: 2 };
  const clock = values.now === undefined ? systemClock : fixedClock(values.now);
  const name = (values.as ?? env.USER ?? 'cli').trim().slice(0, 64) || 'cli';
  const { store, evidence, desk, patches, ctx, origin, close } = await openCliDesk(env, clock, name);
  try {
    const id = () => parseUpdateId(args[0] ?? '');
    switch (action) {
      case 'apply': {
        if (args.length !== 1) return { out: `Name one patch file.\n${USAGE}`, code: 2 };
        const file = readPatchFile(args[0]!);
        if (!file.ok) return await refused(file.problems, file.name, store, ctx, origin);
        const copied = copiedFromArticles(file.raw, (await evidence.allSentences()));
        if (copied.length > 0) return await refused(copied, file.name, store, ctx, origin);
        const outcome = await patches.apply(ctx, file.raw, origin, { title: values.title ?? file.name, file: file.name, ...(values.unverified ? { unverified: true } : {}) });
        return outcomeText(outcome, file.name, 'Stored');
      }
      case 'amend': {
        const target = id();
        if (target === undefined || args.length !== 2) return { out: `Name the patch and the file with its new content.\n${USAGE}`, code: 2 };
        const file = readPatchFile(args[1]!);
        if (!file.ok) return await refused(file.problems, file.name, store, ctx, origin);
        const copied = copiedFromArticles(file.raw, (await evidence.allSentences()));
        if (copied.length > 0) return await refused(copied, file.name, store, ctx, origin);
        const reason = values.reason ?? `amended from ${file.name}`;
        const outcome = await patches.amend(ctx, target, file.raw, origin, { title: values.title ?? '', file: file.name, reason, ...(values.unverified ? { unverified: true } : {}) });
        return outcomeText(outcome, file.name, 'Amended');
      }
      case 'list':
        return { out: listText(await store.list()), code: 0 };
      case 'show': {
        const record = id() === undefined ? undefined : await store.get(id()!);
        if (!record) return { out: `There is no stored update or patch “${args[0] ?? ''}”. See cli desk list.`, code: 2 };
        const kept = await evidence.get(record.id);
        const shown = kept ? `\n\n${evidenceText(kept)}` : '';
        return { out: `${recordLine(record)}\n\n${stringify(record.patch ?? record.update, { lineWidth: 0 })}${shown}`, code: 0 };
      }
      case 'verify': {
        if (id() === undefined) return { out: `Name the patch to verify.\n${USAGE}`, code: 2 };
        // Against every stored article, not only its own: text copied before the article was read is still copied.
        const target = await store.get(id()!);
        const copied = target?.patch && !target.retractedAt && target.unverified ? copiedPublicText(target.patch.patch, await evidence.allSentences()) : [];
        if (copied.length > 0) return await refused(copied, updateLabel(id()!), store, ctx, origin, 'Nothing was verified: rewrite it in your own words with cli desk amend, then verify.');
        return replyText(ctx, await desk.verify(ctx, origin, id()!), env);
      }
      case 'retract': {
        if (id() === undefined || !values.reason) return { out: `Name the patch and give a --reason, which every corrected digest prints.\n${USAGE}`, code: 2 };
        const before = (await store.recentCorrections(1))[0]?.id ?? 0;
        const reply = await desk.retract(ctx, origin, id()!, values.reason);
        const correction = (await store.recentCorrections(1))[0];
        if (!correction || correction.id === before) return replyText(ctx, reply, env);
        const carried = (await store.carriedBy(correction.updateId)).length;
        // No bot runs here: the running bot edits the posted digests when it next syncs (publishPending).
        const edits = carried === 0 ? 'No posted digest had carried it.' : `The running bot edits the ${carried} posted digest${carried === 1 ? '' : 's'} that carried it within ${SYNC_INTERVAL_MS / 1000} seconds; the next digests list the correction.`;
        return { out: `Retracted ${updateLabel(correction.updateId)}: ${correctionNote(correction)}\n${edits}`, code: 0 };
      }
      case 'export': {
        if (!values.out) return { out: `Name the folder with --out.\n${USAGE}`, code: 2 };
        const result = exportPack(ctx.knowledge.pack, values.out);
        if (!result.ok) return { out: result.problem, code: 2 };
        return { out: `Wrote ${result.files.join(', ')} to ${values.out}. Load it with KNOWLEDGE_PACK=${values.out}.`, code: 0 };
      }
      default:
        return { out: `Unknown desk command “${action ?? ''}”.\n${USAGE}`, code: 2 };
    }
  } finally {
    await close();
  }
}

/** Public text in a patch file that copies a stored draft's article; an unparsable file is left to the desk to name. */
function copiedFromArticles(raw: unknown, sentences: string[]): PatchProblem[] {
  const parsed = PatchSchema.safeParse(raw);
  return parsed.success ? copiedPublicText(parsed.data, sentences) : [];
}

function evidenceText(e: DraftEvidence): string {
  const cue = e.cue ? ` (cue: “${e.cue}”)` : '';
  return `Evidence (private, never posted; ${e.sentences.length} article sentences kept)${cue}:\n  “${e.sentence}”`;
}

async function refused(problems: PatchProblem[], file: string, store: UpdateStore, ctx: CommandContext, origin: Origin, lead?: string): Promise<Out> {
  await store.logAttempt({ at: ctx.clock().toISOString(), platform: origin.platform, ...(origin.userId ? { userId: origin.userId } : {}), action: 'patch', allowed: false, detail: `${file}: ${problems[0]?.problem ?? ''}` });
  return { out: problemText(problems, file, lead), code: 2 };
}

function problemText(problems: PatchProblem[], file: string, lead = 'Nothing was stored.'): string {
  return `${lead} ${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${formatProblem(p, file)}`).join('\n')}`;
}

function outcomeText(outcome: PatchOutcome, file: string, verb: string): Out {
  if (outcome.kind === 'refused') return { out: `Nothing was stored: ${outcome.reason}.`, code: 2 };
  if (outcome.kind === 'invalid') return { out: problemText(outcome.problems, file), code: 2 };
  const lines = [`${verb} ${recordLine(outcome.record)}`, '', `Changes (${outcome.changes.length}):`];
  for (const c of outcome.changes) lines.push(`  ${c.path}: ${c.what}`, `    before: ${c.before}`, `    after:  ${c.after}`);
  if (outcome.record.unverified) lines.push('', `Unverified: labelled in every answer and kept out of digests until cli desk verify ${outcome.record.id}.`);
  if (outcome.edits) lines.push('', `The running bot edits the posted digests that carried it within ${SYNC_INTERVAL_MS / 1000} seconds; the next digests list the correction.`);
  return { out: lines.join('\n'), code: 0 };
}

function stateOf(r: UpdateRecord): string {
  if (r.retractedAt) return `retracted ${r.retractedAt}`;
  const verified = r.unverified ? 'unverified' : r.verifiedAt ? `verified by ${r.verifiedBy ?? '?'} ${r.verifiedAt}` : 'verified';
  return r.amendedAt ? `${verified}; amended ${r.amendedAt}` : verified;
}

function recordLine(r: UpdateRecord): string {
  const summary = summarize(r.update ?? r.patch, r.recordedAt);
  const drafted = r.origin === 'ingest' ? '; drafted from an article (cli desk show for its evidence)' : '';
  return `${updateLabel(r.id)} ${r.patch ? 'patch' : 'update'} “${summary.title}” (${summary.date}) by ${r.author} at ${r.recordedAt}; ${stateOf(r)}${drafted}`;
}

function listText(records: UpdateRecord[]): string {
  if (records.length === 0) return 'No stored updates or patches yet. Store one with cli desk apply <file>.';
  return records.map(recordLine).join('\n');
}

function replyText(_ctx: CommandContext, reply: Parameters<typeof renderTerminal>[0], env: NodeJS.ProcessEnv): Out {
  return { out: renderTerminal(reply, { color: Boolean(process.stdout.isTTY) && !env.NO_COLOR }), code: reply.answered === false ? 2 : 0 };
}
