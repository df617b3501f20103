import type { CommandContext } from '../commands/command-spec.js';
import type { Source } from '../knowledge/schema.js';
import type { EntityKind } from '../match/entity-index.js';
import { tokenize } from '../match/normalize-text.js';
import { utcDay } from '../time/format-date.js';
import { clausesOf } from './article-clauses.js';
import { articleDateOf, findDates, type NamedDate } from './article-dates.js';
import { findQuotes, type FoundQuote } from './article-quotes.js';
import { readArticle } from './article-text.js';
import { draftsFrom } from './build-drafts.js';
import type { ArticleDraft } from './draft-patch.js';
import { findMeeting } from './meeting-cues.js';
import { ProposalWords } from './proposal-words.js';
import { findStanceCues, type StanceCue } from './stance-cues.js';
import { findStatusCues, type DraftStatusName } from './status-cues.js';

/** What one sentence of an article holds that the knowledge cares about. */
export interface SentenceFinding {
  index: number;
  sentence: string;
  mentions: { id: string; kind: EntityKind; name: string }[];
  dates: NamedDate[];
  quotes: FoundQuote[];
  cues: StanceCue[];
  /** Status changes the sentence states, each dated by its own clause when that names a date. */
  statuses: { status: DraftStatusName; cue: string; date?: string }[];
  /** The sentence says the sides met ("met", "sat down", "talks resumed"), and which parties. */
  meeting?: { cue: string; parties: string[] };
}

/** Everything the extractor found in one article, and the drafts it proposes. */
export interface ArticleFindings {
  headline?: string;
  outlet?: string;
  articleDate: string;
  /** Each person, party and proposal mentioned, with how often and where first. */
  mentions: { id: string; kind: EntityKind; name: string; count: number; firstSentence: string }[];
  sentences: SentenceFinding[];
  /** The article as a pack source (an existing one when the knowledge already holds it). */
  source: Source;
  drafts: ArticleDraft[];
}

/** Where the article came from, when its text does not say. */
export interface IngestOptions {
  outlet?: string;
  url?: string;
  /** The article's date (YYYY-MM-DD) when it has no dateline date. */
  date?: string;
  now: Date;
}

/**
 * Reads a news article and drafts patches for an editor: the knowledge's people, parties and proposals it
 * mentions, the dates it names (anchored to its dateline), the quotes it attributes, the stance and status cues
 * clause by clause, and the meetings it reports. Each draft keeps its sentence only as private evidence.
 */
export function extractDrafts(text: string, ctx: Pick<CommandContext, 'knowledge' | 'entities'>, options: IngestOptions): ArticleFindings {
  const { knowledge, entities } = ctx;
  const words = new ProposalWords(knowledge);
  const article = readArticle(text);
  const articleDate = options.date ?? articleDateOf(article.dateline?.dateText, article.sentences, utcDay(options.now));
  const outlet = options.outlet ?? article.dateline?.outlet;
  const mentions = new Map<string, ArticleFindings['mentions'][number]>();
  const findings: SentenceFinding[] = [];
  let lastPerson: string | undefined;

  article.sentences.forEach((sentence, index) => {
    const hits = entities.find(tokenize(sentence), { typos: false });
    for (const h of hits) {
      const key = `${h.entity.kind}:${h.entity.id}`;
      const known = mentions.get(key);
      if (known) known.count++;
      else mentions.set(key, { id: h.entity.id, kind: h.entity.kind, name: h.entity.name, count: 1, firstSentence: sentence });
    }
    const quotes = findQuotes(sentence, knowledge, entities, lastPerson);
    const speaker = quotes.find((q) => q.speaker)?.speaker;
    const clauses = clausesOf(sentence, entities);
    const cues = findStanceCues(clauses, knowledge, words, speaker);
    const statuses = findStatusCues(clauses).map((s) => ({ status: s.status, cue: s.cue, ...dateOf(findDates(s.clause.text, articleDate)) }));
    const meeting = findMeeting(clauses, knowledge);
    lastPerson = [...hits].reverse().find((h) => h.entity.kind === 'person')?.entity.id ?? speaker ?? lastPerson;
    const unique = new Map(hits.map((h) => [h.entity.id, { id: h.entity.id, kind: h.entity.kind, name: h.entity.name }]));
    findings.push({ index, sentence, mentions: [...unique.values()], dates: findDates(sentence, articleDate), quotes, cues, statuses, ...(meeting ? { meeting } : {}) });
  });

  const source = sourceFor(knowledge, { outlet, title: (article.headline ?? article.sentences[0] ?? 'Article').slice(0, 200), url: options.url, date: articleDate });
  const drafts = draftsFrom(findings, knowledge, { articleDate, source, outlet });
  return { ...(article.headline ? { headline: article.headline } : {}), ...(outlet ? { outlet } : {}), articleDate, mentions: [...mentions.values()], sentences: findings.filter(isInteresting), source: source.entry, drafts };
}

function dateOf(dates: readonly NamedDate[]): { date?: string } {
  return dates[0] ? { date: dates[0].date } : {};
}

function isInteresting(f: SentenceFinding): boolean {
  return f.mentions.length > 0 || f.dates.length > 0 || f.quotes.length > 0 || f.statuses.length > 0;
}

/** The article as a pack source: an existing source with the same URL, or the same outlet and title, is reused. */
function sourceFor(knowledge: Pick<CommandContext, 'knowledge'>['knowledge'], a: { outlet?: string; title: string; url?: string; date: string }) {
  const existing = [...knowledge.sources.values()].find((s) => (a.url && s.url === a.url) || (a.outlet && s.outlet === a.outlet && s.title === a.title));
  if (existing) return { entry: existing, isNew: false };
  const slug = (s: string) => tokenize(s).join('-').replace(/[^a-z0-9-]/g, '').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const base = `${slug(a.outlet ?? 'press').slice(0, 30) || 'press'}-${a.date}-${slug(a.title).split('-').slice(0, 4).join('-')}`.replace(/-+$/, '');
  let id = base;
  for (let n = 2; knowledge.sources.has(id); n++) id = `${base}-${n}`;
  return { entry: { id, outlet: a.outlet ?? '', title: a.title, date: a.date, kind: 'press' as const, ...(a.url ? { url: a.url } : {}) }, isNew: true };
}
