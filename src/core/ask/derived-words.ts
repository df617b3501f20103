import type { Knowledge } from '../knowledge/knowledge.js';
import { tokenize } from '../match/normalize-text.js';

// What a status means in words people ask with ("when did the strike start").
const STATUS_WORDS: Record<string, string> = {
  negotiating: 'negotiations began start talks',
  strike: 'strike began start walkout',
  'tentative-agreement': 'tentative agreement deal reached',
  ratified: 'ratified ratification vote contract approved',
  ended: 'ended over end',
  'strike-ended': 'strike ended over end back to work',
};

/**
 * Search words each event earns from the rest of the knowledge rather than from hand-written keywords: the label of a
 * key date on its day (given to the event of that day that shares most words with it) and the meaning of a status that
 * began that day among its participants. This is what lets an editor's "Actors join the strike" answer "when did
 * SAG-AFTRA's strike start?" with no keywords.
 */
export function derivedEventWords(knowledge: Knowledge): Map<string, string> {
  const words = new Map<string, string>();
  const add = (eventId: string, text: string) => words.set(eventId, `${words.get(eventId) ?? ''} ${text}`.trim());
  const byDate = new Map<string, typeof knowledge.events>();
  for (const e of knowledge.events) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  for (const k of knowledge.dispute.keyDates) {
    const sameDay = byDate.get(k.date) ?? [];
    const label = new Set(tokenize(k.label));
    let best: { id: string; shared: number } | undefined;
    for (const e of sameDay) {
      const shared = tokenize(`${e.title} ${e.text}`).filter((w) => label.has(w)).length;
      if (!best || shared > best.shared) best = { id: e.id, shared };
    }
    if (best) add(best.id, k.label);
  }
  const unions = new Set(knowledge.dispute.unions);
  for (const s of knowledge.dispute.statusHistory) {
    const meaning = STATUS_WORDS[s.status];
    const e = (byDate.get(s.since) ?? []).find((ev) => ev.participants.some((p) => unions.has(p)));
    if (meaning && e) add(e.id, meaning);
  }
  return words;
}
