import type { EntityHit, EntityIndex } from '../../../src/core/match/entity-index.js';
import { normalizeText } from '../../../src/core/match/normalize-text.js';
import { correctTypo, isGeneralWord, isLikelyNonTopic, type AskIndex } from './ask-index.js';
import type { Facet } from './candidate.js';
import { namedDays, type NamedDay } from './question-dates.js';
import { PHRASES } from './general-words.js';
import { termsOf } from './text-terms.js';

/** What the bot understood of a question. */
export interface QuestionAnalysis {
  text: string;
  entities: EntityHit[];
  /** Stems of the question's content words, with synonyms. */
  terms: string[];
  /** Content words the knowledge has nothing on. */
  unknown: string[];
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
  /** The question is nothing but a name ("mini rooms?"): tell what that is. */
  bareName: boolean;
}

const AGENT_VERBS = /^(say|said|says|saying|think|thinks|thought|want|wants|wanted|tell|told|respond|responded|react|reacted|call|called|feel|feels|offer|offered|propose|proposed|demand|demanded|ask|asked|claim|claimed|do|did|doing)\b/;
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
    else if (AGENT_VERBS.test(words.slice(h.end).join(' '))) agents.push(h.entity.id);
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
  ['stance', /\b(say|saying|said|says|think|thinks) (anything |something )?about\b|\b(ask|asking|asked|push|pushing|fight|fighting) for\b|\b(position|positions|stance|stand|think|view|want|wants|wanted|demand|demands|demanding|accept|reject|rejects|rejected|agree|oppose|opposes|support|willing|unwilling|bend|budge|move|feel|asking|seeking|seek|push|pushing|fighting|compromise|drop|give up|talk about|discuss|open to|consider|considering|movement|moving|flexible|flexibility|give ground|take)\b/],
  ['who', /^(who|whos)\b|\bwho (is|was|are|were|did|runs|leads)\b|\bis who\b|\bwho exactly\b|\bwhich (two |three )?(\w+ )?(officials|people|negotiators|leaders|representatives|person|persons|union|party|side|one|group|company|guild)\b|\b(role|job|title|in charge)\b/],
  ['latest', /\b(latest|new|news|update|updates|changed|change|changes|today|recent|recently|happening|happened|going on|development|developments)\b/],
  ['next', /\b(next|again|resume|restart|reconvene|follow up|coming days|back to the table|talk again|meet again|scheduled|another meeting)\b/],
  ['status', /\b(status|state of|where (do|are) (things|talks|negotiations)|how are (talks|things|negotiations)|where things stand|still on strike|on strike still)\b/],
  ['strikeDay', /\b(how many days|what day|how long (has|have|is|been)|how far (into|along)|day \d+|months?)\b/],
  ['whichParty', /\bwhich (other )?(union|unions|party|parties|side|guild|company|companies|group|organization)\b/],
  ['define', /^(what is|what are|whats|what's|explain|define)\b|\bwhat (does|do) .+ mean\b|\bmeaning of\b/],
  ['keyIssues', /\b(sticking points?|key issues?|main issues?|big issues?|biggest issues?|core issues?|issues on the table|what is on the table|central issues?|at the center|at the heart)\b/],
];

const FUTURE = /\b(will|gonna|going to|going on strike|predict|prediction|forecast|odds|chances?|likely|ever end)\b|\bwhen (does|do|did)? ?.*\b(ends?|be over|wrap up|settle)\b/;
// A figure is asked for when the question leads with "how many"; "a residual based on how many people watch" asks no figure.
const QUANTITY = /(^|[?.!,:;] *|^\S+ )(how (many|much|old|big|tall|often))\b|\b(what percent(age)?what percent(age)?|what amount|figures?|cost|costs|dollars?|percent)\b/;
const PERSONAL = /\b(how (do|can|should|could) i|should i|can i|do i need|am i)\b/;

/** Finds the names, topics, facets, dates and unknown words in a question. */
export function analyzeQuestion(index: AskIndex, entities: EntityIndex, question: string, asOf: string): QuestionAnalysis {
  const text = PHRASES.reduce((t, [re, replacement]) => t.replace(re, replacement), normalizeText(question));
  const words = text ? text.split(' ') : [];
  const hits = entities.find(words);
  const inHit = new Set(hits.flatMap((h) => Array.from({ length: h.end - h.start }, (_, i) => h.start + i)));
  const terms: string[] = [];
  const unknown: string[] = [];
  const classify = (word: string) => {
    if (isGeneralWord(word)) return;
    const known = termsOf(word).some((t) => index.stems.has(t)) ? word : correctTypo(index, word);
    if (known) terms.push(...termsOf(known));
    // "room-size" or "wga-amptp": judge the parts when the compound itself is unknown.
    else if (word.includes('-')) word.split('-').filter(Boolean).forEach(classify);
    else if (!isLikelyNonTopic(word)) unknown.push(word);
  };
  words.forEach((word, i) => {
    // Named things are scored by the entity match; counting their words again would favour facts that merely repeat a name.
    if (!inHit.has(i)) classify(word);
  });
  const facets = new Set<Facet>(FACET_PATTERNS.filter(([, re]) => re.test(text)).map(([f]) => f));
  // "Where do things stand?" asks for a status or a stance, not a place.
  if (facets.has('status') || /\bstand\b/.test(text)) facets.delete('where');
  // Naming a side and a proposal together asks where that side stands on it, whatever the wording.
  const kinds = new Set(hits.map((h) => h.entity.kind));
  if (kinds.has('proposal') && (kinds.has('party') || kinds.has('person'))) facets.add('stance');
  const days = namedDays(text, asOf);
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
    unknown,
    facets,
    days,
    future: FUTURE.test(text),
    years: [...new Set([...text.matchAll(/\b((?:19|20)\d{2})\b/g)].map((m) => m[1]!))],
    quantity: QUANTITY.test(text) || /\$/.test(question),
    personal: PERSONAL.test(text),
  };
}
