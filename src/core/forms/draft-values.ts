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
  const drafts = findings.drafts;
  const lead = drafts[0]?.update;
  const values: FormValues = { date: lead?.date ?? findings.articleDate, [FLAGS]: ['unverified'] };
  if (lead) values.title = lead.title;
  values.proposals = [...new Set(drafts.flatMap((d) => d.update.proposals))];
  const stances = drafts.flatMap((d) => (d.update.stance ? [{ ...d.update.stance, proposals: d.update.proposals }] : [])).slice(0, STANCE_SLOTS);
  stances.forEach((s, i) => {
    const k = stanceKeys(i + 1);
    values[k.party] = s.party;
    values[k.stance] = s.stance;
    values[k.proposals] = s.proposals;
  });
  const quotes = drafts.flatMap((d) => (d.update.quote ? [d.update.quote] : [])).slice(0, QUOTE_SLOTS);
  quotes.forEach((q, i) => {
    const k = quoteKeys(i + 1);
    values[k.speaker] = q.speaker;
    values[k.text] = q.text;
  });
  if (drafts.some((d) => d.update.contact)) values[FLAGS] = [CONTACT.value, 'unverified'];
  const source = lead?.source;
  if (source?.outlet) values[SOURCE.outlet] = source.outlet;
  if (source?.title) values[SOURCE.title] = source.title;
  if (source?.url) values[SOURCE.url] = source.url;
  values[SOURCE.date] = findings.articleDate;
  return { values, evidence: drafts.map((d) => d.sentence).slice(0, MAX_EVIDENCE) };
}
