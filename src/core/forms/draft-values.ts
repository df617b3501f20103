import type { ArticleFindings } from '../ingest/extract-drafts.js';
import { CONTACT, FLAGS } from './form-flags.js';
import type { FormValues } from './form-model.js';
import { SOURCE } from './form-source.js';
import { QUOTE_SLOTS, quoteKeys, STANCE_SLOTS, stanceKeys } from './update-form-fields.js';

/** Most evidence sentences shown to the editor beside a prefilled form. */
const MAX_EVIDENCE = 4;

/**
 * The update form prefilled from what the article reader found in a message: the lead's headline and date, the
 * proposals, up to three stance changes and quotes, whether the sides met, and the source; always unverified.
 * The article's sentences are returned apart as private evidence and never prefill "What happened": another
 * outlet's sentences do not become the bot's words, the editor writes that line.
 */
export function valuesFromDrafts(findings: ArticleFindings): { values: FormValues; evidence: string[] } {
  const patches = findings.drafts.map((d) => d.patch);
  const lead = patches[0];
  const leadEvent = lead?.events?.[0];
  const leadDate = leadEvent?.date ?? lead?.statements?.[0]?.date ?? lead?.proposals?.[0]?.stances?.[0]?.since;
  const values: FormValues = { date: leadDate ?? findings.articleDate, [FLAGS]: ['unverified'] };
  const title = leadEvent?.title ?? findings.drafts[0]?.label;
  if (title) values.title = title;
  values.proposals = [
    ...new Set(patches.flatMap((p) => [...(p.proposals ?? []).map((x) => x.id), ...(p.events ?? []).flatMap((e) => e.proposals ?? []), ...(p.statements ?? []).flatMap((s) => s.proposals ?? [])])),
  ];
  const stances = patches.flatMap((p) => (p.proposals ?? []).flatMap((x) => (x.stances ?? []).map((s) => ({ party: s.party, stance: s.stance, proposals: [x.id] })))).slice(0, STANCE_SLOTS);
  stances.forEach((s, i) => {
    const k = stanceKeys(i + 1);
    values[k.party] = s.party;
    values[k.stance] = s.stance;
    values[k.proposals] = s.proposals;
  });
  const quotes = patches.flatMap((p) => (p.statements ?? []).map((s) => ({ speaker: s.speaker, text: s.quote.replace(/^“|”$/g, '') }))).slice(0, QUOTE_SLOTS);
  quotes.forEach((q, i) => {
    const k = quoteKeys(i + 1);
    values[k.speaker] = q.speaker;
    values[k.text] = q.text;
  });
  if (patches.some((p) => p.dispute?.lastContact)) values[FLAGS] = [CONTACT.value, 'unverified'];
  const source = patches.flatMap((p) => p.sources ?? [])[0];
  if (source?.outlet) values[SOURCE.outlet] = source.outlet;
  if (source?.title) values[SOURCE.title] = source.title;
  if (source?.url) values[SOURCE.url] = source.url;
  values[SOURCE.date] = findings.articleDate;
  return { values, evidence: findings.drafts.map((d) => d.evidence.sentence).slice(0, MAX_EVIDENCE) };
}
