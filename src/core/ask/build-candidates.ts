import { statusSentence } from '../commands/status.js';
import { stanceLabel } from '../commands/stance-words.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Person, TimelineEvent } from '../knowledge/schema.js';
import type { EntityIndex } from '../match/entity-index.js';
import { formatDay } from '../time/format-date.js';
import type { Candidate, Facet } from './candidate.js';
import { TextMemo } from './text-memo.js';
import { toCandidate, type Draft } from './candidate-from-draft.js';
import { derivedEventWords } from './derived-words.js';


const NAME = 3;
const KEYWORD = 2;
const BODY = 1;
/** What a stance is about (its proposal's summary) counts for less than what the stance itself says. */
const ABOUT = 0.5;

/** Turns every fact in the knowledge into candidate answers: people, parties, proposals, stances, events, statements and the dispute's status. */
export function buildCandidates(knowledge: Knowledge, entities: EntityIndex, vocabulary: Set<string> = new Set()): Candidate[] {
  const drafts: Draft[] = [];
  const name = (id: string) => knowledge.nameOf(id);

  for (const p of knowledge.people.values()) {
    const party = knowledge.parties.get(p.party);
    drafts.push({
      id: `person:${p.id}`,
      sentence: `${p.name} is ${p.role}.`,
      facets: { who: `${p.name} is ${p.role}.`, define: `${p.name} is ${p.role}.` },
      entities: [p.id, p.party],
      subjects: [p.id],
      text: [[`${p.name} ${p.aliases.join(' ')}`, NAME], [`${p.role} ${party?.name ?? ''}`, KEYWORD]],
      sources: p.sources,
    });
  }
  for (const p of knowledge.parties.values()) {
    const sentence = `The ${p.shortName === p.name ? p.name : `${p.shortName} (${p.name})`}: ${lowerFirst(p.description)}`;
    drafts.push({ id: `party:${p.id}`, partyKind: p.kind, sentence, facets: { who: sentence, whichParty: sentence, define: sentence, what: sentence }, entities: [p.id], subjects: [p.id], text: [[`${p.name} ${p.aliases.join(' ')}`, NAME], [p.description, BODY]], sources: p.sources });
  }
  for (const p of knowledge.pack.proposals) {
    const sentence = `${p.name}: ${p.summary}`;
    drafts.push({ id: `proposal:${p.id}`, sentence, facets: { define: sentence, what: sentence, why: sentence }, entities: [p.id, p.proposedBy], subjects: [p.id], text: [[`${p.name} ${p.aliases.join(' ')}`, NAME], [p.keywords.join(' '), KEYWORD], [p.summary, BODY], [historyText(p.history), BODY]], sources: p.sources });
    for (const s of p.stances) {
      const stance = `${name(s.party)} on ${lowerFirst(p.name)} (${stanceLabel(s.stance)}): ${s.detail}`;
      drafts.push({
        id: `stance:${p.id}:${s.party}`,
        partyKind: knowledge.parties.get(s.party)?.kind,
        sentence: stance,
        facets: { stance, why: stance },
        entities: [p.id, s.party],
        subjects: [p.id, s.party],
        text: [[`${p.name} ${p.aliases.join(' ')}`, NAME], [p.keywords.join(' '), KEYWORD], [`${s.stance.replace(/-/g, ' ')} ${s.detail}`, BODY], [p.summary, ABOUT], [historyText(p.history.filter((h) => h.party === s.party)), BODY]],
        sources: s.sources,
        date: s.since,
        unverified: s.unverified,
        superseded: p.outcome !== undefined,
      });
    }
  }
  for (const partyId of [...knowledge.dispute.unions, ...knowledge.dispute.employers]) {
    const stances = knowledge.pack.proposals.flatMap((p) => p.stances.filter((s) => s.party === partyId).map((s) => ({ p, s })));
    if (stances.length === 0) continue;
    // A settled proposal is listed by what the deal did with it, not by the side's old stance.
    const settled = (p: (typeof stances)[number]['p']) => p.outcome && `${p.status === 'withdrawn' ? 'withdrawn' : 'agreed'} ${formatDay(p.outcome.date)}`;
    const list = stances.map(({ p, s }) => `${lowerFirst(p.name)} (${settled(p) || stanceLabel(s.stance)}${s.unverified ? ', unverified' : ''})`).join('; ');
    const sentence = `The ${name(partyId)}'s positions: ${list}.`;
    drafts.push({ id: `positions:${partyId}`, sentence, facets: { stance: sentence }, entities: [partyId, ...stances.map(({ p }) => p.id)], subjects: [partyId], text: [['positions want demands issues proposals', KEYWORD]], sources: stances.flatMap(({ s }) => s.sources), date: knowledge.asOf });
  }
  const derived = derivedEventWords(knowledge);
  for (const e of knowledge.events) drafts.push(eventDraftOf(e, knowledge, derived.get(e.id) ?? ''));
  for (const s of knowledge.statements) {
    const said = `${name(s.speaker)} said ${s.quote} (${s.where}, ${formatDay(s.date)}). ${s.context}`;
    drafts.push({
      id: `statement:${s.id}`,
      sentence: said,
      facets: { quote: said, stance: s.proposals.length > 0 ? said : undefined, what: said } as Partial<Record<Facet, string>>,
      subjects: [s.speaker],
      entities: [s.speaker, ...(s.party ? [s.party] : []), ...s.proposals, ...(knowledge.people.get(s.speaker) ? [knowledge.people.get(s.speaker)!.party] : [])],
      text: [[s.quote, KEYWORD], [s.keywords.join(' '), KEYWORD], [`${s.context} ${s.where}`, BODY]],
      sources: s.sources,
      date: s.date,
      unverified: s.unverified,
    });
  }
  drafts.push(...disputeDrafts(knowledge));
  const memo = new TextMemo(entities);
  const candidates = drafts.map((d) => toCandidate(d, memo, knowledge, vocabulary));
  memo.finish();
  return candidates;
}

// An event's draft depends on the event, its derived words, its participants and whether it is the latest day: after
// a patch most events share all four with the last build, and their drafts are reused rather than written again.
const eventDrafts = new WeakMap<TimelineEvent, { derived: string; people: Person[]; latest: boolean; draft: Draft }>();

/** The draft of one event, reused from an earlier build when nothing it is made from changed. */
function eventDraftOf(e: TimelineEvent, knowledge: Knowledge, derived: string): Draft {
  const people = e.participants.flatMap((id) => knowledge.people.get(id) ?? []);
  const latest = e.date === knowledge.asOf;
  const known = eventDrafts.get(e);
  if (known && known.derived === derived && known.latest === latest && known.people.length === people.length && known.people.every((p, i) => p === people[i])) return known.draft;
  const day = formatDay(e.date);
  const when = `${e.title}: ${day}${e.time ? `, ${e.time}` : ''}${e.place ? `, at ${e.place}` : ''}.`;
  const facets: Partial<Record<Facet, string>> = { when, what: `${e.title} (${day}): ${e.text}` };
  if (e.place) facets.where = `${e.title} (${day}) took place at ${e.place}.`;
  if (e.duration) facets.howLong = `${e.title} (${day}) lasted ${e.duration}.`;
  if (e.mood) facets.mood = `${e.title} (${day}): ${e.mood}`;
  if (e.why) facets.why = `${e.title} (${day}): ${e.why}`;
  if (people.length > 0) facets.who = `${e.title} (${day}): ${joinAnd(people.map((p) => `${p.name}, ${p.role}`))} took part.`;
  if (latest) facets.latest = `${day}: ${e.text}`;
  const draft: Draft = {
    id: `event:${e.id}`,
    sentence: `${day}: ${e.text}`,
    facets,
    entities: [...e.participants, ...e.proposals],
    subjects: e.participants,
    text: [[e.title, NAME], [e.keywords.join(' '), KEYWORD], [derived, KEYWORD], [[e.text, e.place, e.why, e.mood, e.duration, e.time].filter(Boolean).join(' '), BODY]],
    sources: e.sources,
    date: e.date,
    unverified: e.unverified,
  };
  eventDrafts.set(e, { derived, people, latest, draft });
  return draft;
}

const STRIKE_OVER = new Set(['strike-ended', 'ratified', 'ended']);

function disputeDrafts(knowledge: Knowledge): Draft[] {
  const d = knowledge.dispute;
  const current = knowledge.currentStatus();
  const status = statusSentence(knowledge);
  // Once the strike is over, the status sentence says when it ended ("Strike ended Sept 27, 2023 after 148 days").
  const over = STRIKE_OVER.has(current.status);
  const drafts: Draft[] = [
    { id: 'dispute:status', sentence: `${status} ${d.summary}`, facets: { status, strikeDay: status, ...(over ? { when: status } : {}) }, entities: [...d.unions, ...d.employers], text: [[`${d.title} status strike day days month months long${over ? ' end ended over walkout stoppage' : ''}`, KEYWORD], [d.summary, BODY]], sources: [...current.sources, ...d.sources], date: knowledge.asOf, unverified: current.unverified },
  ];
  if (d.nextContact) {
    const next = `The next contact is expected ${d.nextContact.expected}: ${d.nextContact.detail}`;
    drafts.push({ id: 'dispute:next', sentence: next, facets: { next }, entities: [...d.unions, ...d.employers], text: [['next contact meet again talk again communication restart resume coming days future constituencies', KEYWORD], [d.nextContact.detail, BODY]], sources: d.nextContact.sources });
  }
  if (d.contractExpiry) {
    const expiry = `The contract expired on ${formatDay(d.contractExpiry.date)}.`;
    drafts.push({ id: 'dispute:contract', sentence: expiry, facets: { when: expiry, expiry }, entities: [...d.unions, ...d.employers], text: [['contract expire expired expiry expiration old contract', KEYWORD]], sources: d.contractExpiry.sources });
  }
  if (d.contract) {
    // The new term, as editors record it at the deal: "how long is the new contract?", "when does it run out?".
    const term = `The new contract runs from ${formatDay(d.contract.from)} to ${formatDay(d.contract.to)}.`;
    drafts.push({ id: 'dispute:new-contract', sentence: term, facets: { when: term, what: term, term }, entities: [...d.unions, ...d.employers], text: [['new contract term deal agreement runs lasts years', KEYWORD], [d.contract.note ?? '', BODY]], sources: d.contract.sources });
  }
  for (const p of knowledge.pack.proposals) {
    if (!p.outcome) continue;
    // What the deal settled on a proposal (or that it was dropped) answers "what did they get on X?" and "was X settled?";
    // both sides made the deal, so it is their act on X, ahead of either side's old stance.
    const verb = p.status === 'withdrawn' ? 'Withdrawn' : 'Agreed';
    const outcome = `${p.name}: ${verb} ${formatDay(p.outcome.date)}: ${p.outcome.text}`;
    drafts.push({ id: `outcome:${p.id}`, sentence: outcome, facets: { what: outcome, when: outcome, stance: outcome, outcome }, entities: [p.id, ...d.unions, ...d.employers], subjects: [p.id, ...d.unions, ...d.employers], text: [[`${p.name} ${p.aliases.join(' ')}`, NAME], [`${verb.toLowerCase()} deal settled outcome final agreement won got`, KEYWORD], [p.outcome.text, BODY]], sources: p.outcome.sources, date: p.outcome.date, unverified: p.outcome.unverified });
  }
  if (d.keyIssues) {
    const names = d.keyIssues.proposals.map((id) => lowerFirst(knowledge.proposals.get(id)?.name ?? id));
    const sentence = `The proposals at the center of the dispute: ${joinAnd(names)}.`;
    drafts.push({ id: 'dispute:key-issues', sentence, facets: { keyIssues: sentence, what: sentence }, entities: [...d.unions, ...d.employers, ...d.keyIssues.proposals], text: [['key issues sticking points center main biggest core proposals table', KEYWORD]], sources: d.keyIssues.sources });
  }
  return drafts;
}


/** A proposal's history in words: what each side did with it also says what the proposal is ("issues the strike itself created"). */
function historyText(history: { text: string }[]): string {
  return history.map((h) => h.text).join(' ');
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('; ')} and ${items[items.length - 1]}`;
}

/** Whether a fact states a number (a count, a duration, a day of the strike); worked out once, when first asked. */
export function statesAQuantity(c: Candidate): boolean {
  c.hasQuantity ??= [c.sentence, ...Object.values(c.facetSource)].some((s) => statesQuantity(s as string));
  return c.hasQuantity;
}

/** Whether a sentence states a number once its dates are taken out. */
function statesQuantity(sentence: string): boolean {
  const withoutDates = sentence.replace(/\b(Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)\w* \d{1,2}(, \d{4})?/g, '').replace(/\b(19|20)\d{2}\b/g, '');
  return /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|hour|hours|thousands|hundreds|dozens?)\b/i.test(withoutDates);
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^[A-Z][a-z]+ [A-Z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
