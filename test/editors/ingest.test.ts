import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';
import { runIngestCli } from '../../src/bots/shell/ingest-cli.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { findDates } from '../../src/core/ingest/article-dates.js';
import { readArticle, splitSentences } from '../../src/core/ingest/article-text.js';
import { extractDrafts } from '../../src/core/ingest/extract-drafts.js';
import { EditorUpdateSchema } from '../../src/core/updates/update-schema.js';
import { openDatabase } from '../../src/store/open-database.js';
import { UpdateStore } from '../../src/store/update-store.js';
import { PACK } from './support.js';

const ARTICLES = join(import.meta.dirname, '../fixtures/articles');
const article = (name: string) => readFileSync(join(ARTICLES, `${name}.txt`), 'utf8');
const ctx = contextFromPack(PACK);
const NOW = new Date('2023-08-20T12:00:00Z');
const extract = (name: string) => extractDrafts(article(name), ctx, { now: NOW });

const tmp = mkdtempSync(join(tmpdir(), 'strikewire-ingest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('reading wire copy', () => {
  it('takes the headline, the dateline’s place, date and outlet, and splits sentences without breaking abbreviations or quotes', () => {
    const read = readArticle(article('aug-11-meeting'));
    expect(read.headline).toBe('Writers and studios meet again as strike passes 100 days');
    expect(read.dateline).toEqual({ place: 'LOS ANGELES', dateText: 'Aug. 11, 2023', outlet: 'Pacific Labor Wire' });
    expect(read.sentences[0]).toMatch(/^Negotiators for the Writers Guild/);
    expect(read.sentences).toHaveLength(7);
  });

  it.each([
    ['Talks resume Aug. 22 in Sherman Oaks. Both sides agreed.', 2],
    ['“We are here. We are staying,” she said. Then she left.', 2],
    ['Mr. Smith met Dr. Jones at 3 p.m. on Friday. Nothing came of it.', 2],
    ['The U.S. labor board was not involved.', 1],
  ])('splits %j into %i sentences', (text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it('works out dates, closest year first, and weekdays from the article’s date', () => {
    expect(findDates('They met on Friday and talk again Aug. 22.', '2023-08-15').map((d) => d.date)).toEqual(['2023-08-11', '2023-08-22']);
    expect(findDates('The walkout began May 2.', '2023-08-18')[0]).toEqual({ text: 'May 2', date: '2023-05-02', relative: false });
    expect(findDates('Talks resumed Dec. 30.', '2024-01-03')[0]?.date).toBe('2023-12-30');
    expect(findDates('A session next Tuesday, and one yesterday.', '2023-08-18').map((d) => d.date)).toEqual(['2023-08-22', '2023-08-17']);
    expect(findDates('On Feb. 30 nothing happened.', '2023-08-18')).toEqual([]);
  });
});

describe('extracting drafts', () => {
  it('lists the people, parties and proposals mentioned, with counts and the first sentence', () => {
    const f = extract('aug-11-meeting');
    expect(f.mentions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'wga', kind: 'party' }),
        expect.objectContaining({ id: 'carol-lombardini', kind: 'person', count: 1, firstSentence: expect.stringContaining('AMPTP President Carol Lombardini said') }),
        expect.objectContaining({ id: 'tv-minimum-staffing', kind: 'proposal', firstSentence: expect.stringContaining('counterproposal') }),
      ]),
    );
  });

  it('attributes quotes to the person named, before or after the quote, and leaves unnamed sources unattributed', () => {
    const quotes = ['aug-11-meeting', 'aug-15-rejection', 'aug-18-guild-reply'].flatMap((name) => extract(name).sentences.flatMap((s) => s.quotes));
    expect(quotes).toEqual(
      expect.arrayContaining([
        { text: 'We came with real numbers today and we expect the guild to engage with them', speaker: 'carol-lombardini', attribution: 'AMPTP President Carol Lombardini said' },
        expect.objectContaining({ text: 'not a serious response to what writers need to get by.', speaker: 'ellen-stutzman' }),
        expect.objectContaining({ speaker: 'karen-bass', attribution: 'Bass said' }),
        expect.objectContaining({ speaker: 'ellen-stutzman', text: expect.stringMatching(/^We can close the health plan/) }),
      ]),
    );
    const unnamed = quotes.find((q) => q.text.startsWith('They are further apart'));
    expect(unnamed).toEqual({ text: 'They are further apart than they were in May', attribution: 'said a person close to the talks' });
  });

  it('finds stance cues per proposal with the acting party, and skips denied ones', () => {
    const cues = (name: string) => extract(name).sentences.flatMap((s) => s.cues.map((c) => `${c.party} ${c.stance} ${c.proposal} (${c.cue})`));
    expect(cues('aug-11-meeting')).toEqual([
      'amptp counters tv-minimum-staffing (counterproposal)',
      'amptp rejects tv-guaranteed-weeks (non-starter)',
      'wga demands tv-guaranteed-weeks (demand)',
    ]);
    const rejection = cues('aug-15-rejection');
    expect(rejection).toContain('amptp rejects tv-minimum-staffing (rejected)');
    expect(rejection).toContain('amptp open viewership-residual (open to)');
    // "The guild did not reject ..." is a denial, not a stance.
    expect(rejection.some((c) => c.startsWith('wga rejects'))).toBe(false);
    expect(cues('aug-18-guild-reply')).toEqual([
      'wga accepts health-plan (agreed to)',
      'teamsters supports honor-picket-lines (support)',
      'wga demands tv-minimum-staffing (insisted)',
    ]);
  });

  it('drafts valid, unverified updates dated by the sentence, each from one sentence', () => {
    const f = extract('aug-11-meeting');
    expect(f.articleDate).toBe('2023-08-11');
    expect(f.drafts.length).toBeGreaterThanOrEqual(4);
    for (const d of f.drafts) {
      const u = EditorUpdateSchema.parse(d.update);
      expect(u).toMatchObject({ unverified: true, source: { outlet: 'Pacific Labor Wire', kind: 'press' } });
      expect(u.what).toBe(d.sentence);
    }
    expect(f.drafts[0]!.update).toMatchObject({ title: 'Writers and studios meet again as strike passes 100 days', contact: true, date: '2023-08-11' });
    expect(f.drafts.find((d) => d.update.stance?.stance === 'counters')?.update).toMatchObject({ proposals: ['tv-minimum-staffing'], stance: { party: 'amptp' } });
    expect(f.drafts.find((d) => d.update.quote)?.update.quote).toEqual({ text: 'We came with real numbers today and we expect the guild to engage with them', speaker: 'carol-lombardini' });
  });

  it('does not date a draft by a future date the sentence names', () => {
    const f = extract('aug-18-guild-reply');
    const staffing = f.drafts.find((d) => d.update.proposals?.includes('tv-minimum-staffing'));
    expect(staffing?.update.date).toBe('2023-08-18');
  });
});

describe('cli ingest', () => {
  const env = (db: string) => ({ DATABASE_PATH: join(tmp, db) });

  it('prints drafts with their sentences and stores nothing', async () => {
    const { out, code } = await runCli(['ingest', join(ARTICLES, 'aug-15-rejection.txt'), '--now', '2023-08-16T10:00:00Z'], env('none.db'));
    expect(code).toBe(0);
    expect(out).toContain('Drafts from “Studios turn down guild\'s staffing plan, leaving talks stuck”');
    expect(out).toMatch(/STANCE CUES\n {2}Minimum staffing in episodic TV: AMPTP rejects it \(“rejected”\), in “The studios on Tuesday rejected/);
    expect(out).toMatch(/not anyone the knowledge knows \(said a person close to the talks\)/);
    expect(out).toContain('Nothing was stored.');
  });

  it('--json prints update objects the schema accepts', async () => {
    const result = await runIngestCli(['ingest', '-', '--json', '--outlet', 'Test Desk', '--url', 'https://example.org/a'], env('none.db'), async () => article('aug-18-guild-reply'));
    if (!result) throw new Error('ingest did not handle the line');
    const { out, code } = result;
    expect(code).toBe(0);
    const updates = JSON.parse(out) as unknown[];
    expect(updates.length).toBeGreaterThan(2);
    for (const u of updates) expect(EditorUpdateSchema.parse(u).source).toEqual({ outlet: 'Test Desk', title: 'Guild answers studios, accepts health-plan terms', kind: 'press', url: 'https://example.org/a' });
  });

  it('--apply stores the drafts as unverified updates from the command line, and refuses drafts dated after --now', async () => {
    const applied = await runCli(['ingest', join(ARTICLES, 'aug-11-meeting.txt'), '--apply', '--now', '2023-08-12T10:00:00Z'], env('apply.db'));
    expect(applied.code).toBe(0);
    expect(applied.out).toMatch(/Stored draft 1 as update #1 \(unverified\)\./);
    const future = await runCli(['ingest', join(ARTICLES, 'aug-18-guild-reply.txt'), '--apply', '--now', '2023-08-12T10:00:00Z'], env('apply.db'));
    expect(future.code).toBe(1);
    expect(future.out).toMatch(/Draft 1 was not stored: Date: Aug 18, 2023 is in the future/);
    const db = openDatabase(join(tmp, 'apply.db'));
    try {
      const records = new UpdateStore(db).list();
      expect(records.length).toBe(5);
      expect(records.every((r) => r.unverified && r.origin === 'ingest' && r.author === 'cli')).toBe(true);
    } finally {
      db.close();
    }
  });

  it('explains bad arguments', async () => {
    expect((await runCli(['ingest'], env('none.db'))).code).toBe(2);
    expect((await runCli(['ingest', 'a.txt', '--date', 'Aug 11'], env('none.db'))).out).toMatch(/--date must be YYYY-MM-DD/);
    expect((await runCli(['ingest', join(tmp, 'missing.txt')], env('none.db'))).out).toMatch(/Could not read/);
  });
});
