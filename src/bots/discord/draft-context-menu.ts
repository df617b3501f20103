import type { CommandContext } from '../../core/commands/command-spec.js';
import { valuesFromDrafts } from '../../core/forms/draft-values.js';
import type { FormValues } from '../../core/forms/form-model.js';
import { extractDrafts } from '../../core/ingest/extract-drafts.js';

/** Longest message text the article reader is run on. */
export const MAX_DRAFT_SOURCE_CHARS = 20_000;

/** The update form's prefill from a message, and the private note with the article's sentences. */
export function draftFromMessage(ctx: CommandContext, text: string): { values: FormValues; notice: string; evidence: string[] } {
  const findings = extractDrafts(text.slice(0, MAX_DRAFT_SOURCE_CHARS), ctx, { now: ctx.clock() });
  const { values, evidence } = valuesFromDrafts(findings);
  const notice =
    evidence.length > 0
      ? `From the message, for you only:\n${evidence.map((s) => `> ${s}`).join('\n')}\nWrite “What happened” in your own words.`
      : 'Nothing in the message matched the knowledge; fill in the update yourself.';
  return { values, notice, evidence };
}
