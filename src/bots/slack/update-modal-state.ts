import { z } from 'zod';
import { MAX_REASON_CHARS } from '../../core/updates/editor-desk.js';
import type { FieldProblem } from '../../core/updates/update-error.js';
import { ACTION, BLOCK, type UpdateFormMeta } from './update-modal-view.js';

/** One input's value as Slack sends it in view.state.values (only the parts the form uses). */
const StateValue = z.object({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).optional(),
});
const StateValues = z.record(z.string(), z.record(z.string(), StateValue));

/** private_metadata as the form wrote it; anything else reads as empty, never trusted further than that. */
const Meta = z.object({
  channelId: z.string().max(40).optional(),
  amends: z.object({ id: z.number().int().positive(), reason: z.string().max(MAX_REASON_CHARS) }).optional(),
  pendingId: z.string().max(40).optional(),
});

/** Reads the form's private_metadata. */
export function readFormMeta(raw: string | undefined): UpdateFormMeta {
  try {
    const parsed = Meta.safeParse(JSON.parse(raw ?? '{}'));
    return parsed.success ? (parsed.data as UpdateFormMeta) : {};
  } catch {
    return {};
  }
}

/**
 * The submitted form as an update for the core to validate: empty inputs are left out, a stance or quote with one
 * half filled in is passed on half-filled so the core names the missing half. The reason is an amendment's.
 */
export function readUpdateForm(values: unknown): { raw: Record<string, unknown>; reason?: string } {
  const state = StateValues.safeParse(values);
  const v = state.success ? state.data : {};
  const at = (block: string) => v[block]?.[ACTION];
  const str = (block: string) => at(block)?.value?.trim() || undefined;
  const one = (block: string) => at(block)?.selected_option?.value;
  const flags = new Set((at(BLOCK.flags)?.selected_options ?? []).map((o) => o.value));
  const stanceParty = one(BLOCK.stanceParty);
  const stance = one(BLOCK.stance);
  const quoteText = str(BLOCK.quoteText);
  const speaker = one(BLOCK.quoteSpeaker);
  const outlet = str(BLOCK.sourceOutlet);
  const title = str(BLOCK.sourceTitle);
  const url = str(BLOCK.sourceUrl);
  const raw: Record<string, unknown> = {
    title: str(BLOCK.title) ?? '',
    what: str(BLOCK.what) ?? '',
    date: at(BLOCK.date)?.selected_date ?? '',
    proposals: (at(BLOCK.proposals)?.selected_options ?? []).map((o) => o.value),
    ...(stanceParty || stance ? { stance: { party: stanceParty, stance } } : {}),
    ...(one(BLOCK.status) ? { status: one(BLOCK.status) } : {}),
    ...(quoteText || speaker ? { quote: { text: quoteText ?? '', speaker } } : {}),
    // A source with nothing filled in is a missing source; the core says so in those words.
    ...(outlet || title || url ? { source: { outlet: outlet ?? '', title: title ?? '', kind: one(BLOCK.sourceKind) ?? 'press', ...(url ? { url } : {}) } } : {}),
    contact: flags.has('contact'),
    unverified: flags.has('unverified'),
  };
  const reason = str(BLOCK.reason);
  return { raw, ...(reason ? { reason } : {}) };
}

// Which input shows each field's problem.
const FIELD_BLOCKS: [RegExp, string][] = [
  [/^title/, BLOCK.title],
  [/^what/, BLOCK.what],
  [/^date/, BLOCK.date],
  [/^proposals/, BLOCK.proposals],
  [/^stance\.stance/, BLOCK.stance],
  [/^stance/, BLOCK.stanceParty],
  [/^status/, BLOCK.status],
  [/^quote\.speaker/, BLOCK.quoteSpeaker],
  [/^quote/, BLOCK.quoteText],
  [/^source\.title/, BLOCK.sourceTitle],
  [/^source\.url/, BLOCK.sourceUrl],
  [/^source\.kind/, BLOCK.sourceKind],
  [/^source/, BLOCK.sourceOutlet],
  [/^(contact|unverified)/, BLOCK.flags],
  [/^reason/, BLOCK.reason],
];

/** Slack's response_action "errors" map: each problem under the input it concerns (Slack shows one per input). */
export function formErrors(problems: readonly FieldProblem[], hasReason: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) {
    let block = FIELD_BLOCKS.find(([pattern]) => pattern.test(p.field))?.[1] ?? BLOCK.what;
    if (block === BLOCK.reason && !hasReason) block = BLOCK.what;
    errors[block] ??= p.problem.slice(0, 150);
  }
  return errors;
}
