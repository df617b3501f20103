import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFromPack } from '../../src/core/create-context.js';
import { findDates } from '../../src/core/ingest/article-dates.js';
import { readArticle } from '../../src/core/ingest/article-text.js';
import { DraftPatchSchema } from '../../src/core/ingest/draft-patch.js';
import { extractDrafts } from '../../src/core/ingest/extract-drafts.js';
import { repeatedWording } from '../../src/core/ingest/repeated-wording.js';
import { describeDraft } from './describe-draft.js';
import { PACK } from './support.js';

const ARTICLES = join(import.meta.dirname, '../fixtures/articles');
const article = (name: string) => readFileSync(join(ARTICLES, `${name}.txt`), 'utf8');
const EXPECTED = JSON.parse(readFileSync(join(ARTICLES, 'expected-drafts.json'), 'utf8')) as Record<string, string[]>;
const ctx = contextFromPack(PACK);
const extract = (name: string) => extractDrafts(article(name), ctx, { now: new Date('2023-10-20T00:00:00Z'), outlet: 'Test Wire' });

describe('the article reader on the later weeks', () => {
  it.each(Object.keys(EXPECTED))('drafts exactly what an editor would keep from %s', (name) => {
    const f = extract(name);
    expect(f.drafts.map(describeDraft)).toEqual(EXPECTED[name]);
    for (const d of f.drafts) {
      DraftPatchSchema.parse(d.patch);
      const own = JSON.stringify({ ...d.patch, statements: d.patch.statements?.map((s) => ({ ...s, quote: '' })) });
      expect(repeatedWording(own, article(name))).toBeUndefined();
    }
  });

  it('reads a dateline with a plain hyphen and no outlet', () => {
    const read = readArticle(article('sep-25-tentative-deal'));
    expect(read.dateline).toEqual({ place: 'LOS ANGELES', dateText: 'Sept. 25, 2023' });
    expect(read.sentences[0]).toMatch(/^The Writers Guild of America and the studios reached/);
    const f = extractDrafts(article('sep-25-tentative-deal'), ctx, { now: new Date('2023-10-20T00:00:00Z') });
    expect(f.articleDate).toBe('2023-09-25');
    expect(f.drafts[0]!.patch.dispute?.statusHistory?.[0]?.note).toBe('Per the report, the sides reached a tentative agreement.');
  });

  it('dates "last week", "11 August 2023" and a weekday next to a date (one date) from the article’s date', () => {
    expect(findDates('They met every day last week.', '2023-09-25')).toEqual([{ text: 'last week', date: '2023-09-18', relative: true }]);
    expect(findDates('The sides had last sat down on 11 August 2023.', '2023-09-25')).toEqual([{ text: '11 August 2023', date: '2023-08-11', relative: false }]);
    expect(findDates('A meeting on Monday, Oct. 2, at noon.', '2023-09-25')).toEqual([{ text: 'Monday, Oct. 2', date: '2023-10-02', relative: false }]);
    expect(findDates('Talks resume Friday.', '2023-09-25')[0]?.date).toBe('2023-09-29');
    expect(findDates('Talks broke down Friday.', '2023-09-25')[0]?.date).toBe('2023-09-22');
  });

  it('drafts a status change only from a stated fact, not from a hope, a denial or background', () => {
    const statuses = (text: string) => extractDrafts(text, ctx, { now: new Date('2023-10-20T00:00:00Z'), date: '2023-09-28' }).drafts.flatMap((d) => d.patch.dispute?.statusHistory ?? []).map((s) => s.status);
    expect(statuses('The WGA and the AMPTP reached a tentative agreement.')).toEqual(['tentative-agreement']);
    expect(statuses('The WGA hopes to reach a tentative agreement with the AMPTP.')).toEqual([]);
    expect(statuses('The WGA and the AMPTP are close to a tentative deal.')).toEqual([]);
    expect(statuses('WGA members returned to work on Wednesday.')).toEqual(['strike-ended']);
    expect(statuses('The AMPTP urged the WGA to return to work.')).toEqual([]);
    expect(statuses('The WGA strike is not over.')).toEqual([]);
    expect(statuses('Voting opened after the strike ended.')).toEqual([]);
    expect(statuses('The WGA members ratified the tentative agreement.')).toEqual(['ratified']);
    expect(statuses('The WGA negotiating committee urged members to ratify it.')).toEqual([]);
  });

  it('gives a cue to the subject of its clause: passive agents, objects and relative clauses', () => {
    const cues = (text: string) => extractDrafts(text, ctx, { now: new Date('2023-10-20T00:00:00Z'), date: '2023-09-28' }).sentences.flatMap((s) => s.cues.map((c) => `${c.party} ${c.stance} ${c.proposal}`));
    expect(cues('Mini rooms were rejected by the guild.')).toEqual(['wga rejects tv-minimum-staffing']);
    expect(cues('Stutzman told the studios the guild rejects their health plan offer.')).toEqual(['wga rejects health-plan']);
    expect(cues('The studios, according to the guild, rejected mini rooms.')).toEqual(['amptp rejects tv-minimum-staffing']);
    expect(cues('The guild said the studios rejected mini rooms.')).toEqual(['amptp rejects tv-minimum-staffing']);
    expect(cues('The guild accepted the health plan terms, while the studios rejected mini rooms.')).toEqual(['wga accepts health-plan', 'amptp rejects tv-minimum-staffing']);
    expect(cues('The studios could accept mini rooms.')).toEqual([]);
    // Background and conditions are not stances; "offered" as a verb is the subject's move.
    expect(cues('The studios, which had rejected mini rooms for months, said little.')).toEqual([]);
    expect(cues('The studios may budge on mini rooms if the guild drops its other demands.')).toEqual([]);
    expect(cues('The studios, after a long pause, offered a health plan deal.')).toEqual(['amptp counters health-plan']);
  });

  it('does not take times of day or durations for dates, and keeps a weekday chrono reads as a time', () => {
    expect(findDates('They talked for a second straight day.', '2023-09-21')).toEqual([]);
    expect(findDates('They met late into the night on Thursday.', '2023-09-22')).toEqual([{ text: 'night on Thursday', date: '2023-09-21', relative: true }]);
  });

  it('matches a proposal by its own words in the knowledge, whether the article says "viewership" or describes it', () => {
    const f = extract('sep-25-tentative-deal');
    const described = f.sentences.find((s) => s.sentence.includes('link payments'))!;
    expect(described.cues.map((c) => `${c.party} ${c.stance} ${c.proposal}`)).toEqual(['amptp rejects viewership-residual']);
    // "…, but agreed to share viewing figures": no proposal in that clause, so no stance on the residual.
    const named = f.sentences.find((s) => s.sentence.includes('tie pay to viewership'))!;
    expect(named.cues.map((c) => `${c.party} ${c.stance} ${c.proposal}`)).toEqual(['amptp rejects viewership-residual']);
  });

  it('drafts strike-ended as a status entry and a timeline event from the same source', () => {
    const f = extract('sep-27-back-to-work');
    const ended = f.drafts.find((d) => d.kind === 'status')!;
    expect(ended.patch).toEqual({
      sources: [f.source],
      dispute: { statusHistory: [{ status: 'strike-ended', since: '2023-09-27', sources: [f.source.id], note: 'Per Test Wire, the strike is over and members are back at work, with the ratification vote still to come.' }] },
      events: [expect.objectContaining({ date: '2023-09-27', title: 'Strike ends; ratification vote pending', sources: [f.source.id] })],
    });
    expect(ended.evidence).toEqual({ sentence: expect.stringContaining('writers returned to work on Wednesday'), cue: 'returned to work' });
  });
});

describe('repeatedWording', () => {
  const text = 'The negotiators for both sides spent the whole of a long and tiring Friday going over the same few clauses again.';
  it('finds a run of twelve or more words copied from the article, ignoring case and punctuation', () => {
    expect(repeatedWording('Sources said: the negotiators for both sides spent the whole of a long and tiring Friday, going over things.', text)).toBe('the negotiators for both sides spent the whole of a long and tiring friday going over');
    expect(repeatedWording('The negotiators for both sides spent the whole of a long day on it.', text)).toBeUndefined();
    expect(repeatedWording('negotiators for both sides spent the whole', text, 6)).toBe('negotiators for both sides spent the whole');
    expect(repeatedWording('', text)).toBeUndefined();
  });
});
