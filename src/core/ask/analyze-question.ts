import type { EntityHit, EntityIndex } from '../match/entity-index.js';
import { normalizeText } from '../match/normalize-text.js';
import { correctTypo, isGeneralWord, isLikelyNonTopic, nameForTypo, type AskIndex } from './ask-index.js';
import { classifyUnknown } from './unknown-words.js';
import type { Facet } from './candidate.js';
import { namedDays, type NamedDay } from './question-dates.js';
import { AGENT_VERB_WORDS, PHRASES } from './general-words.js';
import { termsOf } from './text-terms.js';
import { contractAsk, TERM_WORDS } from './contract-term.js';

/** What the bot understood of a question. */
export interface QuestionAnalysis {
  text: string;
  entities: EntityHit[];
  /** Stems of the question's content words, with synonyms. */
  terms: string[];
  /** Unknown words that name or are the thing asked about ("who is *iger*", "position on *ai*"): the knowledge lacks it. */
  unknown: string[];
  /** Unknown everyday words around known things ("did the guild *blame* the studios"): they weigh against an answer. */
  evidence: string[];
  /** Unknown places the asker guesses ("did they meet in *burbank*"): the answer's own place corrects them. */
  places: string[];
  /** The question's own words for the names and known terms it uses, for a following part that only says "and who went?". */
  topicWords: string[];
  /** A yes/no question ("did they...", "is the...", "... right?"): the answer leads with yes or no. */
  yesNo: boolean;
  /** A month the question names that lies after everything the knowledge holds ("ratify ... in october"). */
  laterMonth?: string;
  /** Asks for an exact time or figure ("exactly", "exact", "precise"). */
  precise: boolean;
  /** The figure asked for is money ("how much money", "salary", "$"). */
  money: boolean;
  facets: Set<Facet>;
  days: NamedDay[];
  /** Asks about the future ("will", "predict"), which facts cannot settle. */
  future: boolean;
  /** Years the question names ("the 2007-08 strike"). */
  years: string[];
  /** Asks for a number ("how many", "how much"). */
  quantity: boolean;
  /** Asks for advice about the asker's own situation ("how do I..."). */
  personal: boolean;
  /** Names that act in the question ("what did *Lombardini* say"): the answer must be about them, not merely mention them. */
  agents: string[];
  /** Names the question sets aside ("besides staffing, what else..."). */
  excluded: string[];
  /** Asks about both sides at once ("did either side...", "both sides"). */
  bothSides: boolean;
  /** The kind of party a "which union" or "which company" question asks for. */
  partyKind?: string;
  /** The question is nothing but a name ("mini rooms?"): tell what that is. */
  bareName: boolean;
  /** Asks about a past moment ("in August", "on Aug 11", "before the deal", "at first"), so old stances still answer. */
  earlier: boolean;
}

const BARE_NAME_FILLER = new Set(['the', 'a', 'an', 'and', 'about', 'what', 'whats', 'who', 'whos', 'is', 'are', 'on', 'of', 'info', 'tell', 'me', 'more']);
const SET_ASIDE = /\b(besides|other than|apart from|aside from|except|beyond)\b/;

/** Splits named things into the ones acting, the ones set aside and the rest, by the words around them. */
function rolesOf(words: string[], hits: EntityHit[]): { agents: string[]; excluded: string[] } {
  const agents: string[] = [];
  const excluded: string[] = [];
  const setAsideAt = words.findIndex((_, i) => SET_ASIDE.test(words.slice(i, i + 2).join(' ')));
  const clauseEnd = setAsideAt < 0 ? -1 : words.findIndex((w, i) => i > setAsideAt && /^(what|which|who|how|is|are|does|do)$/.test(w));
  for (const h of hits) {
    if (setAsideAt >= 0 && h.start > setAsideAt && (clauseEnd < 0 || h.start < clauseEnd)) excluded.push(h.entity.id);
    else if (AGENT_VERB_WORDS.has(words[h.end] ?? '')) agents.push(h.entity.id);
  }
  return { agents, excluded };
}

const FACET_PATTERNS: [Facet, RegExp][] = [
  ['where', /\b(where|location|venue|held|hq|headquarters|offices?)\b/],
  ['when', /^when\b|\bwhen (did|was|is|were|will|do|does|are|has|have)\b|\b(what (day|date|time)|which (day|date)|date|morning|afternoon|evening|what time)\b/],
  ['howLong', /\bhow long (was|did|were|is the meeting)|\b(duration|how many (hours|minutes))\b/],
  ['mood', /\b(mood|atmosphere|vibe|tone|tense|tension|tensions|friendly|hostile|cordial|feel in the room|stiff)\b/],
  ['why', /\b(why|reason|reasons|cause|because|how come)\b/],
  ['quote', /\b(?<!picket )lines?\b|\b(say|said|says|saying|quote|quoted|remark|remarks|comment|comments|told|tell|telling|statement|respond|responded|response|reply|replied|answer|answered|message|words|react|reaction|reacted|repeat|repeats|repeated|repeating|keep saying|kept saying|opinion|opinions|take on|thoughts on)\b/],
  ['stance', /\b(say|saying|said|says|think|thinks) (anything |something )?about\b|\b(ask|asking|asked|push|pushing|fight|fighting) for\b|\b(position|positions|stance|stand|think|view|want|wants|wanted|demand|demands|demanding|accept|reject|rejects|rejected|agree|oppose|opposes|support|willing|unwilling|bend|budge|move|feel|asking|seeking|seek|push|pushing|fighting|compromise|drop|give up|talk about|discuss|open to|consider|considering|movement|moving|flexible|flexibility|give ground|take|offered|offering|proposed|proposing|countered|(offer|propose|counter) (on|for|over|to)\b)\b/],
  ['who', /^(who|whos)\b|\bwho (is|was|are|were|did|runs|leads)\b|\bis who\b|\bwho exactly\b|\bwhich (two |three )?(\w+ )?(officials|people|negotiators|leaders|representatives|person|persons|union|party|side|one|group|company|guild)\b|\b(role|job|title|in charge)\b|\bwhat (does|do) (\w+ ){1,4}do( for a living)?$/],
  ['latest', /\b(latest|new|news|update|updates|changed|change|changes|today|recent|recently|happening|happened|going on|development|developments)\b/],
  ['next', /\b(next|again|resume|restart|reconvene|follow up|coming days|back to the table|talk again|meet again|scheduled|another meeting)\b/],
  ['status', /\b(status|state of|where (do|are) (things|talks|negotiations)|how are (talks|things|negotiations)|where things stand|still on strike|on strike still)\b/],
  ['strikeDay', /\b(how many days|what day|how long (has|have|is|been)|how far (into|along)|day \d+|months?)\b/],
  ['whichParty', /\bwhich (other )?(union|unions|party|parties|side|guild|company|companies|group|organization)\b/],
  ['define', /^(what is|what are|whats|what's|what the|explain|define)\b|\bwhat (does|do) .+ mean\b|\bmeaning of\b/],
  ['keyIssues', /\b(sticking points?|key issues?|main issues?|big issues?|biggest issues?|core issues?|issues on the table|what is on the table|central issues?|at the center|at the heart)\b/],
];

// "Which union" asks for a party of that kind: the kind is what the answer must be, whatever words it shares.
const PARTY_KINDS: [string, RegExp][] = [
  ['union', /\bwhich (other )?(union|unions|guild|guilds)\b/],
  ['employer', /\bwhich (other )?(company|companies|studio|studios|employer|employers)\b/],
  ['government', /\bwhich (other )?(government|city|agency|official body)\b/],
];

const FUTURE = /\b(will|gonna|going to|going on strike|predict|prediction|forecast|odds|chances?|likely|ever end|about to)\b|\bhow long (can|could|will|would)\b|\bwhen (?!did\b|was\b|were\b|had\b)(does |do )?.*\b(ends?|be over|wrap up|settle)\b/;
// A figure is asked for when the question leads with "how many"; "a residual based on how many people watch" asks no figure.
const QUANTITY = /(^|[?.!,:;] *|^\S+ )(how (many|much|old|big|tall|often))\b|\b(what percent(age)?|what amount|figures?|cost|costs|dollars?|percent)\b|\b(minimum|maximum|rate|salary|wage|scale|total|amount|numbers|percentage) (for|of|per|in)\b|\b(exact|actual) (\w+ ){0,2}(number|size|amount|figure)\b|%/;
// What a named proposal came to: "the raises in the new contract", "did the guild get X", "what happened to X".
const IN_THE_DEAL = /\b(in|under|from|by|with) (the|their|this|that) (new |final |tentative |ratified )?(contract|deal|agreement|settlement)\b|\b(did|do|does|has|have) (the )?(\w+ )?(get|win|gain|secure|achieve|end up with|keep|lose)\b|\bwhat (happened|became) (to|of)\b|\bwhat came of\b/;
// "At first", "originally": the asker wants the old stance, not what the deal made of it (see ORIGINALLY).
export const ORIGINALLY = /\b(before the (deal|agreement|contract)|originally|original|at first|initially|at the start|used to|previously)\b/;
const EARLIER = /\b(before|originally|at first|initially|at the start|used to|back in|earlier|previously|in (january|february|march|april|may|june|july|august|september|october|november|december|the spring|the summer))\b/;
const STRIKE_LENGTH = /\bhow long (was|did|were|had) (the |their |our |this |that )?(\w+ )?(strike|walkout|stoppage)\b/;
const YES_NO = /^(is|are|was|were|did|does|do|has|have|had|can|could|will|would|should|am)\b|\b(right|correct|true|yes or no)$|^(so|wait|but|and) (is|are|was|were|did|does|do|has|have)\b/;
const PRECISE = /\b(exact|exactly|precise|precisely)\b/;
const MONEY = /\b(money|dollars?|salary|salaries|wage|wages|earn|earns|earning|cost|costs|revenue|budget|million|billion)\b|\bhow much (does|do|did) \w+( \w+)? make\b|\bhow much (\w+ ){0,2}(pay|paid|raise|bump|increase)\b/;
const PERSONAL = /\b(how (do|can|should|could) i|should i|can i|do i need|am i)\b/;

// Words that end a place's name ("culver city", "beverly hills"): after a guessed place they belong to it.
const PLACE_NOUNS = new Set(['city', 'town', 'hills', 'park', 'beach', 'valley', 'village', 'heights', 'center', 'centre', 'plaza', 'hall', 'lot', 'studios']);

// "may" and "march" are also ordinary words, so they never count as a month here.
const MONTH_NAMES = ['january', 'february', '', 'april', '', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The first month the question names after the knowledge's last month, in the same year unless a later year is given. */
function laterMonth(text: string, asOf: string): string | undefined {
  const month = Number(asOf.slice(5, 7));
  const found = MONTH_NAMES.findIndex((m, i) => m && i + 1 > month && new RegExp(`\\b${m}\\b`).test(text));
  if (found < 0 || /\b(19|20)\d{2}\b/.test(text)) return undefined;
  return MONTH_NAMES[found]![0]!.toUpperCase() + MONTH_NAMES[found]!.slice(1);
}

/** Finds the names, topics, facets, dates and unknown words in a question. */
export function analyzeQuestion(index: AskIndex, entities: EntityIndex, question: string, asOf: string): QuestionAnalysis {
  const text = PHRASES.reduce((t, [re, replacement]) => t.replace(re, replacement), normalizeText(question));
  const words = text ? text.split(' ') : [];
  const hits = entities.find(words);
  const inHit = new Set(hits.flatMap((h) => Array.from({ length: h.end - h.start }, (_, i) => h.start + i)));
  const terms: string[] = [];
  const unknownAt: number[] = [];
  const content = new Set<number>();
  const contract = contractAsk(text);
  const classify = (word: string, i: number): boolean => {
    // In "when does the new contract end?" the word "end" asks for the term, as "where" asks for a place.
    if (isGeneralWord(word) || (contract && TERM_WORDS.has(word))) return true;
    const known = termsOf(word).some((t) => index.stems.has(t)) ? word : correctTypo(index, word);
    if (known) {
      terms.push(...termsOf(known));
      content.add(i);
      return true;
    }
    // "room-size" or "wga-amptp": judge the parts when the compound itself is unknown.
    if (word.includes('-')) return word.split('-').filter(Boolean).every((part) => classify(part, i));
    return isLikelyNonTopic(word);
  };
  words.forEach((word, i) => {
    // Named things are scored by the entity match; counting their words again would favour facts that merely repeat a name.
    if (inHit.has(i)) return content.add(i);
    if (classify(word, i)) return;
    const name = nameForTypo(index, word);
    if (name && !hits.some((h) => h.entity.id === name.id)) hits.push({ entity: name, start: i, end: i + 1, typos: 2 });
    if (name) return content.add(i);
    unknownAt.push(i);
  });
  hits.sort((a, b) => a.start - b.start);
  const roles = classifyUnknown(words, unknownAt, (i) => content.has(i), text);
  // "in century city": a name word right after a guessed place is part of that place, not the city government.
  for (const u of [...roles]) {
    if (u.role !== 'place' || roles.some((r) => r.index === u.index + 1)) continue;
    const next = words[u.index + 1] ?? '';
    const at = hits.findIndex((h) => h.start === u.index + 1 && h.end - h.start === 1);
    if (at < 0 && !PLACE_NOUNS.has(next)) continue;
    if (at >= 0) hits.splice(at, 1);
    else for (const t of termsOf(next)) terms.splice(terms.indexOf(t), terms.includes(t) ? 1 : 0);
    content.delete(u.index + 1);
    roles.push({ word: next, index: u.index + 1, role: 'place' });
  }
  roles.sort((a, b) => a.index - b.index);
  const facets = new Set<Facet>(FACET_PATTERNS.filter(([, re]) => re.test(text)).map(([f]) => f));
  // "Where do things stand?" asks for a status or a stance, not a place.
  if (facets.has('status') || /\bstand\b/.test(text)) facets.delete('where');
  // Naming a side and a proposal together asks where that side stands on it, whatever the wording.
  const kinds = new Set(hits.map((h) => h.entity.kind));
  if (kinds.has('proposal') && (kinds.has('party') || kinds.has('person'))) facets.add('stance');
  // "The raises in the new contract": what the deal settled on that proposal; "new" there is no news.
  // Only a settled proposal has an outcome to give; for an open one the stances answer, as before the deal.
  if (kinds.has('proposal') && IN_THE_DEAL.test(text) && hits.some((h) => h.entity.kind === 'proposal' && hasOutcome(index, h.entity.id))) {
    facets.add('outcome');
    facets.delete('latest');
  }
  // "How long did the strike last?" asks for its length in days, not a meeting's duration or a contract's term.
  if (STRIKE_LENGTH.test(text)) {
    facets.add('strikeDay');
    facets.delete('howLong');
  }
  asksOfContract(facets, contract, text);
  const days = namedDays(text, asOf);
  const places = roles.filter((u) => u.role === 'place');
  // A guessed place or day is a premise to check: the answer states the real place or day.
  if (places.length > 0) facets.add('where');
  if (YES_NO.test(text) && (days.length > 0 || /\b(morning|afternoon|evening|night)\b/.test(text))) facets.add('when');
  // "What happened on May 1" asks about that day, not the latest news.
  if (days.some((d) => d.relation === 'on')) facets.delete('latest');
  const bareName = hits.length > 0 && words.every((w, i) => inHit.has(i) || BARE_NAME_FILLER.has(w));
  if (bareName) facets.add('define');
  return {
    text,
    ...rolesOf(words, hits),
    bareName,
    entities: hits,
    terms: [...new Set(terms)],
    topicWords: words.filter((_, i) => content.has(i)),
    unknown: roles.filter((u) => u.role === 'name' || u.role === 'focus').map((u) => u.word),
    evidence: roles.filter((u) => u.role === 'evidence').map((u) => u.word),
    places: places.map((u) => u.word),
    laterMonth: laterMonth(text, asOf),
    // "first time they've met since the strike?" is a yes/no question too: a statement ending in a question mark.
    yesNo: ((YES_NO.test(text) && !/^(who|what|when|where|why|how|which)\b/.test(text)) || (/\?\s*$/.test(question) && !/\b(who|what|when|where|why|how|which)\b/.test(text))) && !/\bor (where|what|when|who|how|which|not)\b/.test(text),
    precise: PRECISE.test(text),
    ...partyKindOf(text),
    bothSides: /\b(either|both|each|the two) sides?\b|\bneither side\b/.test(text),
    money: MONEY.test(text) || /\$/.test(question),
    facets,
    days,
    // A recorded contract's end date is a fact, not a prediction.
    future: FUTURE.test(text) && !contract,
    years: [...new Set([...text.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => m[1]!))],
    quantity: QUANTITY.test(text) || /[$%]/.test(question),
    personal: PERSONAL.test(text),
    earlier: days.length > 0 || EARLIER.test(text),
  };
}

// "What did the deal give crews on X", "what was agreed on X", "how was X settled": the answer is what a deal settled.
const OUTCOME = /\bwhat (did|does|has|have|will) (the |their |this |that |a |our )?(new |tentative |final )?(deal|agreement|contract|settlement) (give|gave|get|got|do|did|say|include|includes|provide|offer|mean|change|bring)\b|\bwhat (was|were|has been|have been|got|is|are) (agreed|settled|won|decided)\b|\b(was|were|is|has) (anything|something|nothing) (agreed|settled|decided)\b|\bhow (was|were|did|has|have) .{1,60}\b(settled|resolved|end up|ended up)\b|\bwhat did (they|we|the \w+|\w+) (get|win|gain|secure|achieve|end up with) (on|for|in|with|over)\b/;

/** Adds the facets that ask for a contract's term or a deal's outcome, and drops the ones their words set off by accident. */
function asksOfContract(facets: Set<Facet>, contract: 'new' | 'old' | undefined, text: string): void {
  // "how long is the new contract" is not the strike's length, and "new" is not the latest news.
  if (contract === 'new') {
    facets.add('term');
    for (const f of ['when', 'howLong', 'strikeDay', 'latest', 'next'] as const) facets.delete(f);
  } else if (contract === 'old') {
    facets.add('expiry');
    for (const f of ['howLong', 'strikeDay', 'latest'] as const) facets.delete(f);
  }
  if (OUTCOME.test(text)) {
    facets.add('outcome');
    facets.delete('latest');
  }
}

/** Whether a deal has settled the proposal: its outcome is among the facts. */
function hasOutcome(index: AskIndex, proposalId: string): boolean {
  return (index.byEntity.get(proposalId) ?? []).some((i) => index.candidates[i]!.id === `outcome:${proposalId}`);
}

function partyKindOf(text: string): { partyKind?: string } {
  const found = PARTY_KINDS.find(([, re]) => re.test(text));
  return found ? { partyKind: found[0] } : {};
}
