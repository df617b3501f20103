import type { Knowledge } from '../knowledge/knowledge.js';
import type { Source } from '../knowledge/schema.js';
import { MAX_QUOTE_CHARS } from '../updates/update-schema.js';
import type { ArticleDraft, DraftPatch } from './draft-patch.js';
import type { SentenceFinding } from './extract-drafts.js';
import { meetingText, placeholderText, stanceText, statementContext, statusText } from './public-text.js';

/** Drafts per article: an editor reviews each one, so a long article should not bury them. */
export const MAX_DRAFTS = 10;

/** What every draft of one article shares. */
export interface DraftContext {
  articleDate: string;
  /** The article as a source; `isNew` when the knowledge does not hold it yet, so each draft's patch adds it. */
  source: { entry: Source; isNew: boolean };
  outlet?: string;
}

/** Ids unique across the whole pack and this article's drafts. */
class IdMaker {
  private readonly taken: Set<string>;
  constructor(knowledge: Knowledge) {
    const p = knowledge.pack;
    this.taken = new Set([...p.sources, ...p.parties, ...p.people, ...p.proposals, ...p.events, ...p.statements].map((e) => e.id));
  }
  make(...parts: string[]): string {
    const base = parts.join('-').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'draft';
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}

/** The day a sentence reports: the latest date it names up to the article's date, else the article's date. */
function dayOf(f: SentenceFinding, articleDate: string): string {
  return f.dates.map((d) => d.date).filter((d) => d <= articleDate).sort().at(-1) ?? articleDate;
}

/**
 * The drafts an article supports, in article order: each stated status change (once per status), each stance
 * cue (once per party and proposal), the first meeting it reports, each quote with a known speaker, and the lead
 * sentence as a development to rewrite when it gave nothing clearer. Public text comes from templates.
 */
export function draftsFrom(findings: readonly SentenceFinding[], knowledge: Knowledge, c: DraftContext): ArticleDraft[] {
  const ids = new IdMaker(knowledge);
  const src = c.source.entry.id;
  const withSource = (patch: DraftPatch): DraftPatch => (c.source.isNew ? { sources: [c.source.entry], ...patch } : patch);
  const drafts: ArticleDraft[] = [];
  const seen = new Set<string>();
  const once = (key: string) => !seen.has(key) && (seen.add(key), true);
  const lead = findings.find((f) => f.mentions.length > 0);
  for (const f of findings) {
    const before = drafts.length;
    const day = dayOf(f, c.articleDate);
    for (const s of f.statuses) {
      if (!once(`status:${s.status}`)) continue;
      const since = s.date ?? day;
      const t = statusText(s.status, c.outlet);
      const patch = { dispute: { statusHistory: [{ status: s.status, since, sources: [src], note: t.note }] }, events: [event(ids.make(since, t.title), since, t.title, t.note, [], [], src)] };
      drafts.push({ kind: 'status', label: t.title, patch: withSource(patch), rewrite: false, evidence: { sentence: f.sentence, cue: s.cue } });
    }
    for (const cue of f.cues) {
      if (!once(`stance:${cue.party}:${cue.proposal}`)) continue;
      const t = stanceText(knowledge, cue.party, cue.stance, cue.proposal, c.outlet);
      const stance = { party: cue.party, stance: cue.stance, detail: t.detail, since: day, sources: [src] };
      const move = { date: day, party: cue.party, stance: cue.stance, text: t.detail, sources: [src] };
      drafts.push({ kind: 'stance', label: t.label, patch: withSource({ proposals: [{ id: cue.proposal, stances: [stance], history: [move] }] }), rewrite: false, evidence: { sentence: f.sentence, cue: cue.cue } });
    }
    const proposals = f.mentions.filter((m) => m.kind === 'proposal').map((m) => m.id);
    if (f.meeting && once('meeting')) {
      const t = meetingText(knowledge, f.meeting.parties, proposals, c.outlet);
      const id = ids.make(day, t.title);
      const patch = { events: [event(id, day, t.title, t.text, f.meeting.parties, proposals, src)], dispute: { lastContact: { event: id } } };
      drafts.push({ kind: 'event', label: t.title, patch: withSource(patch), rewrite: false, evidence: { sentence: f.sentence, cue: f.meeting.cue } });
    }
    for (const q of f.quotes) {
      if (!q.speaker || q.text.length + 2 > MAX_QUOTE_CHARS || !once(`quote:${q.text}`)) continue;
      const party = knowledge.partyOf(q.speaker)?.id;
      const statement = {
        id: ids.make(day, q.speaker, 'statement'),
        speaker: q.speaker,
        ...(party && party !== q.speaker ? { party } : {}),
        date: day,
        where: `as reported by ${c.outlet?.trim() || 'the press'}`,
        quote: `“${q.text}”`,
        context: statementContext(knowledge, q.speaker, proposals, c.outlet),
        proposals,
        keywords: [],
        sources: [src],
      };
      drafts.push({ kind: 'statement', label: `${knowledge.nameOf(q.speaker)} speaks`, patch: withSource({ statements: [statement] }), rewrite: false, evidence: { sentence: f.sentence } });
    }
    if (f === lead && drafts.length === before) {
      const involved = f.mentions.map((m) => m.id);
      const t = placeholderText(knowledge, involved, c.outlet);
      const parties = f.mentions.filter((m) => m.kind === 'party').map((m) => m.id);
      drafts.push({ kind: 'event', label: t.title, patch: withSource({ events: [event(ids.make(day, 'development'), day, t.title, t.text, parties, proposals, src)] }), rewrite: true, evidence: { sentence: f.sentence } });
    }
  }
  return drafts.slice(0, MAX_DRAFTS);
}

function event(id: string, date: string, title: string, text: string, participants: string[], proposals: string[], source: string) {
  return { id, date, title, text, participants, proposals, keywords: [], sources: [source] };
}
