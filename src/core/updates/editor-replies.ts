import { commandName } from '../commands/command-name.js';
import type { CommandContext, Origin } from '../commands/command-spec.js';
import { ReplyBuilder } from '../reply/reply-builder.js';
import type { Reply } from '../reply/reply.js';
import { summarize } from './record-summary.js';
import { formatDay } from '../time/format-date.js';
import type { ChangePreview } from './change-preview.js';
import { correctionNote } from './correction-text.js';
import type { FieldProblem } from './update-error.js';
import type { CorrectionRecord, EditAttempt } from './update-port.js';
import { updateLabel, type UpdateRecord } from './update-schema.js';

/** What each update field is called on the forms, so a problem names the field the editor sees. */
export const FIELD_LABELS: Record<string, string> = {
  title: 'Headline',
  what: 'What happened',
  date: 'Date',
  proposals: 'Proposals',
  stance: 'Stance change',
  'stance.party': 'Stance change (party)',
  'stance.stance': 'Stance change (stance)',
  status: 'Status change',
  contact: 'The sides met',
  quote: 'Quote',
  'quote.text': 'Quote',
  'quote.speaker': 'Quote (speaker)',
  source: 'Source',
  'source.outlet': 'Source (outlet)',
  'source.title': 'Source (title)',
  'source.url': 'Source (URL)',
  'source.kind': 'Source (kind)',
  unverified: 'Unverified',
  reason: 'Reason',
  update: 'Update',
};

/** "Proposals" for "proposals[1]", "Source (outlet)" for "source.outlet". */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? FIELD_LABELS[field.replace(/\[\d+\]/g, '')] ?? FIELD_LABELS[field.split(/[.[]/)[0] ?? ''] ?? field;
}

/** "Aug 12, 2023, 10:02 UTC": when something was recorded. */
export function formatInstant(iso: string): string {
  return `${formatDay(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** "Slack user U123" for "slack:U123". */
export function describeAuthor(author: string): string {
  const [platform, id] = author.split(':');
  if (!id) return author;
  const name = { slack: 'Slack user', discord: 'Discord user', shell: 'shell user' }[platform ?? ''] ?? platform;
  return `${name} ${id}`;
}

const builder = (ctx: CommandContext, title: string) => new ReplyBuilder(ctx.knowledge, 'editor', title);

/** The private answer to anyone who is not an editor: clear, and says nothing changed. */
export function refusalReply(ctx: CommandContext): Reply {
  return builder(ctx, 'Only editors can change what Strikewire says')
    .text('You are not on the list of editors, so nothing was changed. If you should be, ask whoever runs Strikewire to add you (EDITORS_SLACK or EDITORS_DISCORD).')
    .build({ answered: false });
}

/** A submission the knowledge refused, every field at fault named. */
export function invalidReply(ctx: CommandContext, problems: readonly FieldProblem[]): Reply {
  const reply = builder(ctx, 'The update was not saved');
  reply.text('Please fix these and submit again:');
  reply.list(problems.map((p) => reply.line(`${fieldLabel(p.field)}: ${p.problem}`)));
  return reply.build({ answered: false });
}

/** Before and after of a stance or status change, shown before anything is stored. */
export function confirmationReply(ctx: CommandContext, title: string, changes: readonly ChangePreview[]): Reply {
  const reply = builder(ctx, 'Confirm this change');
  reply.text(`“${title}” changes what Strikewire tells everyone:`);
  reply.fields(changes.flatMap((c) => [{ label: `${c.what}: before`, value: c.before }, { label: `${c.what}: after`, value: c.after }]));
  reply.text('Nothing is saved until you confirm.');
  return reply.build();
}

/** The update is stored and in effect; the follow-up commands are named as `origin` spells them. */
export function storedReply(ctx: CommandContext, record: UpdateRecord, amended?: { edited: number; failed: number } | 'in progress', origin?: Origin): Reply {
  const label = updateLabel(record.id);
  const reply = builder(ctx, amended ? `Update ${label} corrected` : `Update ${label} saved`);
  const summary = summarize(record.update ?? record.patch, record.recordedAt);
  reply.text(`${formatDay(summary.date)}: ${summary.title}. ${summary.what}`);
  if (record.unverified) {
    reply.notice(`Marked unverified: it is labelled “Unverified” in every answer and kept out of digests until an editor runs ${commandName(origin, `verify ${record.id}`)}.`);
  } else {
    reply.text('Status, proposals, the timeline and answers reflect it now; the next digest includes it.');
  }
  if (amended === 'in progress') reply.text('The posted digests that carried it are being edited now, with a correction note; the next digest in every subscribed channel lists the correction.');
  else if (amended) reply.text(editSummary(amended, origin));
  reply.text(`Correct it with ${commandName(origin, `correct ${record.id} amend <reason>`)}, or retract it with ${commandName(origin, `correct ${record.id} retract <reason>`)}.`);
  return reply.build();
}

/** A retraction is done. */
export function retractedReply(ctx: CommandContext, correction: CorrectionRecord, edits: { edited: number; failed: number }, origin?: Origin): Reply {
  const reply = builder(ctx, `Update ${updateLabel(correction.updateId)} retracted`);
  reply.text(correctionNote(correction));
  reply.text('It no longer appears in any answer.');
  reply.text(editSummary(edits, origin));
  return reply.build();
}

function editSummary(edits: { edited: number; failed: number }, origin?: Origin): string {
  const posted = edits.edited + edits.failed;
  if (posted === 0) return 'No posted digest had carried it, so none needed editing.';
  const failed = edits.failed > 0 ? ` ${edits.failed} could not be edited (see ${commandName(origin, 'log')}).` : '';
  return `Edited ${edits.edited} posted digest${edits.edited === 1 ? '' : 's'} that carried it, with a correction note.${failed} The next digest in every subscribed channel lists the correction.`;
}

/** The update is verified. */
export function verifiedReply(ctx: CommandContext, record: UpdateRecord): Reply {
  return builder(ctx, `Update ${updateLabel(record.id)} verified`)
    .text(`“${summarize(record.update ?? record.patch).title}” no longer carries the “Unverified” label, and the next digest includes it.`)
    .build();
}

/** A short private note (usage, a missing reason, an unknown id). */
export function noteReply(ctx: CommandContext, title: string, ...lines: string[]): Reply {
  const reply = builder(ctx, title);
  for (const line of lines) reply.text(line);
  return reply.build({ answered: false });
}

function stateOf(r: UpdateRecord): string {
  if (r.retractedAt) return `retracted ${formatInstant(r.retractedAt)}`;
  const verified = r.unverified ? 'unverified' : r.verifiedAt ? `verified by ${describeAuthor(r.verifiedBy ?? '?')} ${formatInstant(r.verifiedAt)}` : 'verified';
  return r.amendedAt ? `${verified}; amended ${formatInstant(r.amendedAt)}` : verified;
}

/** `/strike log`: recent updates and corrections with authors and times, and refused attempts. */
export function logReply(ctx: CommandContext, updates: readonly UpdateRecord[], corrections: readonly CorrectionRecord[], refused: readonly EditAttempt[]): Reply {
  const reply = builder(ctx, 'Editors’ log');
  reply.heading('Recent updates');
  if (updates.length === 0) reply.text('No updates yet.');
  reply.list(
    updates.map((r) => {
      const summary = summarize(r.update ?? r.patch, r.recordedAt);
      return reply.line(`${updateLabel(r.id)} ${formatDay(summary.date)}: ${summary.title}. By ${describeAuthor(r.author)}${r.origin === 'ingest' ? ' (from an article draft)' : ''}, ${formatInstant(r.recordedAt)}; ${stateOf(r)}.`);
    }),
  );
  reply.heading('Recent corrections');
  if (corrections.length === 0) reply.text('No corrections yet.');
  reply.list(corrections.map((c) => reply.line(`${updateLabel(c.updateId)} ${c.kind === 'retract' ? 'retracted' : 'amended'} by ${describeAuthor(c.author)}, ${formatInstant(c.at)}: ${c.reason}`)));
  if (refused.length > 0) {
    reply.heading('Refused attempts (last 7 days)');
    reply.list(refused.map((a) => reply.line(`${formatInstant(a.at)}: ${a.platform} user ${a.userId ?? 'unknown'} tried ${a.action}`)));
  }
  return reply.build();
}
