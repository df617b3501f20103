import type { CommandContext } from '../commands/command-spec.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { StanceKindName } from '../knowledge/schema.js';
import type { EntityKind } from '../match/entity-index.js';
import { tokenize } from '../match/normalize-text.js';
import { utcDay } from '../time/format-date.js';
import { MAX_TITLE_CHARS, MAX_WHAT_CHARS, type EditorUpdate } from '../updates/update-schema.js';
import { articleDateOf, findDates, type NamedDate } from './article-dates.js';
import { findQuotes, type FoundQuote } from './article-quotes.js';
import { readArticle } from './article-text.js';
import { findStanceCues, type StanceCue } from './stance-cues.js';

/** What one sentence of an article holds that the knowledge cares about. */
export interface SentenceFinding {
  index: number;
  sentence: string;
  mentions: { id: string; kind: EntityKind; name: string }[];
  dates: NamedDate[];
  quotes: FoundQuote[];
  cues: StanceCue[];
}

/** A draft update with the sentence it came from. */
export interface DraftUpdate {
  update: EditorUpdate;
  sentence: string;
}

/** Everything the extractor found in one article, and the draft updates it proposes. */
export interface ArticleFindings {
  headline?: string;
  outlet?: string;
  articleDate: string;
  /** Each person, party and proposal mentioned, with how often and where first. */
  mentions: { id: string; kind: EntityKind; name: string; count: number; firstSentence: string }[];
  sentences: SentenceFinding[];
  drafts: DraftUpdate[];
}

/** Where the article came from, when its text does not say. */
export interface IngestOptions {
  outlet?: string;
  url?: string;
  /** The article's date (YYYY-MM-DD) when it has no dateline date. */
  date?: string;
  now: Date;
}

/** Drafts per article: an editor reviews each one, so a long article should not bury them. */
export const MAX_DRAFTS = 8;

const TITLE_VERBS: Record<StanceKindName, string> = {
  demands: 'holds firm on',
  supports: 'backs',
  accepts: 'accepts',
  counters: 'counters on',
  open: 'is open to',
  objects: 'objects to',
  rejects: 'rejects',
  'refuses-to-discuss': 'refuses to discuss',
  'no-position-reported': 'takes no position on',
};

const CONTACT_WORDS = /\b(met|meet|meets|meeting|session|sat down|talks|negotiat\w*|bargaining)\b/i;

/**
 * Reads a news article and drafts updates for an editor: the knowledge's people, parties and proposals it
 * mentions, the dates it names, the quotes it attributes and the stance cues per proposal, each with its sentence.
 * Drafts are always unverified: an editor checks them before they reach a digest.
 */
export function extractDrafts(text: string, ctx: Pick<CommandContext, 'knowledge' | 'entities'>, options: IngestOptions): ArticleFindings {
  const { knowledge, entities } = ctx;
  const article = readArticle(text);
  const articleDate = options.date ?? articleDateOf(article.dateline?.dateText, article.sentences, utcDay(options.now));
  const outlet = options.outlet ?? article.dateline?.outlet;
  const mentions = new Map<string, ArticleFindings['mentions'][number]>();
  const findings: SentenceFinding[] = [];
  let lastPerson: string | undefined;

  article.sentences.forEach((sentence, index) => {
    const tokens = tokenize(sentence);
    const hits = entities.find(tokens, { typos: false });
    for (const h of hits) {
      const key = `${h.entity.kind}:${h.entity.id}`;
      const known = mentions.get(key);
      if (known) known.count++;
      else mentions.set(key, { id: h.entity.id, kind: h.entity.kind, name: h.entity.name, count: 1, firstSentence: sentence });
    }
    const quotes = findQuotes(sentence, knowledge, entities, lastPerson);
    const speaker = quotes.find((q) => q.speaker)?.speaker;
    const cues = findStanceCues(tokens, hits, knowledge, speaker);
    lastPerson = [...hits].reverse().find((h) => h.entity.kind === 'person')?.entity.id ?? speaker ?? lastPerson;
    const unique = new Map(hits.map((h) => [h.entity.id, { id: h.entity.id, kind: h.entity.kind, name: h.entity.name }]));
    findings.push({ index, sentence, mentions: [...unique.values()], dates: findDates(sentence, articleDate), quotes, cues });
  });

  const source = { outlet: outlet ?? '', title: (article.headline ?? article.sentences[0] ?? 'Article').slice(0, 200), kind: 'press' as const, ...(options.url ? { url: options.url } : {}) };
  const drafts = draftsFrom(findings, knowledge, { articleDate, source, headline: article.headline });
  return { ...(article.headline ? { headline: article.headline } : {}), ...(outlet ? { outlet } : {}), articleDate, mentions: [...mentions.values()], sentences: findings.filter(isInteresting), drafts };
}

function isInteresting(f: SentenceFinding): boolean {
  return f.mentions.length > 0 || f.dates.length > 0 || f.quotes.length > 0;
}

interface DraftContext {
  articleDate: string;
  source: EditorUpdate['source'];
  headline?: string;
}

/** The lead sentence, then every sentence with a stance cue or a quote whose speaker is known. */
function draftsFrom(findings: readonly SentenceFinding[], knowledge: Knowledge, c: DraftContext): DraftUpdate[] {
  const lead = findings.find((f) => f.mentions.length > 0);
  const chosen = findings.filter((f) => f === lead || f.cues.length > 0 || f.quotes.some((q) => q.speaker));
  return chosen.slice(0, MAX_DRAFTS).map((f) => ({ update: draftOf(f, f === lead, knowledge, c), sentence: f.sentence }));
}

function draftOf(f: SentenceFinding, isLead: boolean, knowledge: Knowledge, c: DraftContext): EditorUpdate {
  const proposals = f.mentions.filter((m) => m.kind === 'proposal').map((m) => m.id);
  const cue = f.cues[0];
  const quote = f.quotes.find((q) => q.speaker);
  // The day it happened: the latest date the sentence names up to the article's date, else the article's date.
  const date = f.dates.map((d) => d.date).filter((d) => d <= c.articleDate).sort().at(-1) ?? c.articleDate;
  const parties = new Set(f.mentions.flatMap((m) => (m.kind === 'party' ? [m.id] : m.kind === 'person' ? [knowledge.people.get(m.id)?.party ?? ''] : [])));
  const bothSides = knowledge.dispute.unions.some((u) => parties.has(u)) && knowledge.dispute.employers.some((e) => parties.has(e));
  return {
    title: titleOf(f, isLead, knowledge, c.headline),
    what: clip(f.sentence, MAX_WHAT_CHARS),
    date,
    proposals,
    ...(cue ? { stance: { party: cue.party, stance: cue.stance } } : {}),
    contact: bothSides && CONTACT_WORDS.test(f.sentence),
    ...(quote ? { quote: { text: quote.text, speaker: quote.speaker! } } : {}),
    source: c.source,
    unverified: true,
  };
}

function titleOf(f: SentenceFinding, isLead: boolean, knowledge: Knowledge, headline?: string): string {
  const cue = f.cues[0];
  if (cue) {
    const proposal = knowledge.proposals.get(cue.proposal)?.name ?? cue.proposal;
    return clip(`${knowledge.nameOf(cue.party)} ${TITLE_VERBS[cue.stance]} ${proposal.charAt(0).toLowerCase()}${proposal.slice(1)}`, MAX_TITLE_CHARS);
  }
  if (isLead) return clip(headline ?? f.sentence.replace(/[.!?]$/, ''), MAX_TITLE_CHARS);
  const quote = f.quotes.find((q) => q.speaker)!;
  const words = quote.text.split(/\s+/);
  return clip(`${knowledge.nameOf(quote.speaker!)}: “${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}”`, MAX_TITLE_CHARS);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
