import { stanceLabel } from '../../core/commands/stance-words.js';
import { STATUS_WORDS } from '../../core/commands/status.js';
import type { ArticleDraft } from '../../core/ingest/draft-patch.js';
import type { ArticleFindings } from '../../core/ingest/extract-drafts.js';
import type { Knowledge } from '../../core/knowledge/knowledge.js';
import { formatDay } from '../../core/time/format-date.js';

const quoted = (s: string) => `“${s.length > 160 ? `${s.slice(0, 159)}…` : s}”`;
const statusWord = (s: string) => (STATUS_WORDS as Record<string, string>)[s] ?? (s === 'strike-ended' ? 'Strike over, ratification pending' : s);

/** "Before: AMPTP counters (since Aug 4, 2023). After: AMPTP rejects (since Aug 15, 2023)." for a stance or status draft. */
export function beforeAfter(draft: ArticleDraft, knowledge: Knowledge): string | undefined {
  const status = draft.patch.dispute?.statusHistory?.[0];
  if (status) {
    const now = knowledge.currentStatus();
    return `Before: ${statusWord(now.status)} (since ${formatDay(now.since)}). After: ${statusWord(status.status)} (since ${formatDay(status.since)}).`;
  }
  const proposal = draft.patch.proposals?.[0];
  const stance = proposal?.stances?.[0];
  if (!proposal || !stance) return undefined;
  const who = knowledge.nameOf(stance.party);
  const old = knowledge.proposals.get(proposal.id)?.stances.find((s) => s.party === stance.party);
  const was = old ? `${who} ${stanceLabel(old.stance)} (since ${formatDay(old.since)})` : `no stance recorded for ${who}`;
  return `Before: ${was}. After: ${who} ${stanceLabel(stance.stance)} (since ${formatDay(stance.since)}).`;
}

/** A draft's public words: what readers would see once an editor verifies it. */
export function publicTextOf(draft: ArticleDraft): string {
  const p = draft.patch;
  return p.dispute?.statusHistory?.[0]?.note ?? p.proposals?.[0]?.stances?.[0]?.detail ?? (p.statements?.[0] ? `${p.statements[0].quote} ${p.statements[0].context}` : undefined) ?? p.events?.[0]?.text ?? '';
}

function dateOf(draft: ArticleDraft): string {
  const p = draft.patch;
  return p.dispute?.statusHistory?.[0]?.since ?? p.proposals?.[0]?.stances?.[0]?.since ?? p.statements?.[0]?.date ?? p.events?.[0]?.date ?? '';
}

/** The findings as an editor reads them: what the article mentions, then each draft with its private evidence. */
export function renderFindings(f: ArticleFindings, knowledge: Knowledge): string[] {
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
  lines.push('', `DRAFTS (${f.drafts.length}, all unverified until an editor verifies them)`);
  f.drafts.forEach((d, i) => {
    lines.push(`${i + 1}. ${formatDay(dateOf(d))}: ${d.label} [${d.kind}]`);
    lines.push(`   Public text${d.rewrite ? ' (placeholder: rewrite it in your own words)' : ''}: ${publicTextOf(d)}`);
    const change = beforeAfter(d, knowledge);
    if (change) lines.push(`   ${change}`);
    if (d.patch.dispute?.lastContact) lines.push('   The sides met: this becomes the last contact.');
    lines.push(`   Evidence (private, never posted): ${quoted(d.evidence.sentence)}${d.evidence.cue ? `, cue “${d.evidence.cue}”` : ''}`);
  });
  lines.push(`   Source: ${f.source.outlet || '(outlet unknown)'}, “${f.source.title}” (${f.source.kind})${f.source.url ? ` ${f.source.url}` : ''}`);
  return lines;
}
