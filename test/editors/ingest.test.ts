import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/bots/shell/cli.js';
import { runIngestCli } from '../../src/bots/shell/ingest-cli.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { findDates } from '../../src/core/ingest/article-dates.js';
import { readArticle, splitSentences } from '../../src/core/ingest/article-text.js';
import { extractDrafts } from '../../src/core/ingest/extract-drafts.js';
import { DraftPatchSchema } from '../../src/core/ingest/draft-patch.js';
import { repeatedWording } from '../../src/core/ingest/repeated-wording.js';
import { publicTextOf } from '../../src/bots/shell/ingest-render.js';
import { openStore } from '../../src/store/open-store.js';
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

  it('finds stance cues per proposal for the subject of each clause, and skips denied ones', () => {
    const cues = (name: string) => extract(name).sentences.flatMap((s) => s.cues.map((c) => `${c.party} ${c.stance} ${c.proposal} (${c.cue})`));
    expect(cues('aug-11-meeting')).toEqual([
      'amptp counters tv-minimum-staffing (counterproposal)',
      'wga demands tv-guaranteed-weeks (demand)',
      // "…, a proposal the studios have called a non-starter": the studios are that clause's subject.
      'amptp rejects tv-guaranteed-weeks (non-starter)',
    ]);
    const rejection = cues('aug-15-rejection');
    expect(rejection).toContain('amptp rejects tv-minimum-staffing (rejected)');
    // "Carol Lombardini, who leads the AMPTP, told reporters the alliance remains open to …"
    expect(rejection).toContain('amptp open viewership-residual (open to)');
    // "The guild did not reject ..." is a denial, not a stance.
    expect(rejection.some((c) => c.startsWith('wga rejects'))).toBe(false);
    expect(cues('aug-18-guild-reply')).toEqual([
      'wga accepts health-plan (agreed to)',
      'teamsters supports honor-picket-lines (support)',
      'wga demands tv-minimum-staffing (insisted)',
    ]);
  });

  it('drafts patches in the pack’s shapes, with public text from templates and the sentence only as evidence', () => {
    const f = extract('aug-11-meeting');
    expect(f.articleDate).toBe('2023-08-11');
    expect(f.source).toMatchObject({ outlet: 'Pacific Labor Wire', title: 'Writers and studios meet again as strike passes 100 days', date: '2023-08-11', kind: 'press' });
    for (const d of f.drafts) {
      const patch = DraftPatchSchema.parse(d.patch);
      expect(patch.sources).toEqual([f.source]);
      expect(publicTextOf(d)).toMatch(/^(“[^”]+” )?Per Pacific Labor Wire, /);
      // A statement's quote is the speaker's own words in “ ”; everything else is ours.
      const own = d.patch.statements?.[0]?.context ?? publicTextOf(d);
      expect(repeatedWording(own, article('aug-11-meeting'))).toBeUndefined();
      expect(f.sentences.map((s) => s.sentence)).toContain(d.evidence.sentence);
    }
    const meeting = f.drafts[0]!;
    expect(meeting.kind).toBe('event');
    expect(meeting.patch.events?.[0]).toMatchObject({ date: '2023-08-11', participants: ['wga', 'amptp'], title: 'WGA and AMPTP meet' });
    expect(meeting.patch.dispute?.lastContact).toEqual({ event: meeting.patch.events?.[0]?.id });
    const counter = f.drafts.find((d) => d.kind === 'stance' && d.patch.proposals?.[0]?.id === 'tv-minimum-staffing')!;
    expect(counter.patch.proposals?.[0]).toEqual({
      id: 'tv-minimum-staffing',
      stances: [{ party: 'amptp', stance: 'counters', detail: 'Per Pacific Labor Wire, AMPTP made a counteroffer on the proposal on minimum staffing in episodic TV.', since: '2023-08-11', sources: [f.source.id] }],
      history: [{ date: '2023-08-11', party: 'amptp', stance: 'counters', text: 'Per Pacific Labor Wire, AMPTP made a counteroffer on the proposal on minimum staffing in episodic TV.', sources: [f.source.id] }],
    });
    const statement = f.drafts.find((d) => d.kind === 'statement')!.patch.statements?.[0];
    expect(statement).toMatchObject({ speaker: 'carol-lombardini', party: 'amptp', date: '2023-08-11', quote: '“We came with real numbers today and we expect the guild to engage with them”' });
  });

  it('never drafts a meeting the article does not report', () => {
    for (const name of ['aug-15-rejection', 'aug-18-guild-reply']) expect(extract(name).drafts.some((d) => d.patch.dispute?.lastContact)).toBe(false);
  });

  it('does not date a draft by a future date the sentence names', () => {
    const f = extract('aug-18-guild-reply');
    const staffing = f.drafts.find((d) => d.patch.proposals?.[0]?.id === 'tv-minimum-staffing');
    expect(staffing?.patch.proposals?.[0]?.stances?.[0]?.since).toBe('2023-08-18');
  });
});

describe('cli ingest', () => {
  const env = (db: string) => ({ DATABASE_PATH: join(tmp, db) });

  const storedIn = async (db: string) => {
    const store = await openStore({ databasePath: join(tmp, db) });
    try {
      return await new UpdateStore(store).list();
    } finally {
      await store.close();
    }
  };

  it('prints drafts with public text, before and after, and private evidence, and stores nothing', async () => {
    const { out, code } = await runCli(['ingest', join(ARTICLES, 'aug-15-rejection.txt'), '--now', '2023-08-16T10:00:00Z'], env('none.db'));
    expect(code).toBe(0);
    expect(out).toContain('Drafts from “Studios turn down guild\'s staffing plan, leaving talks stuck”');
    expect(out).toMatch(/STANCE CUES\n {2}Minimum staffing in episodic TV: AMPTP rejects it \(“rejected”\), in “The studios on Tuesday rejected/);
    expect(out).toContain('Public text: Per Eastern News Service, AMPTP said it is open to the proposal on viewership-based residual.');
    expect(out).toContain('Before: AMPTP refuses to discuss it (since Aug 4, 2023). After: AMPTP is open to it (since Aug 15, 2023).');
    expect(out).toMatch(/Evidence \(private, never posted\): “Carol Lombardini, who leads the AMPTP/);
    expect(out).toMatch(/not anyone the knowledge knows \(said a person close to the talks\)/);
    expect(out).toContain('Nothing was stored.');
    expect(existsSync(join(tmp, 'none.db'))).toBe(false);
  });

  it('--json prints drafts whose patches the schema accepts, evidence apart from the patch', async () => {
    const result = await runIngestCli(['ingest', '-', '--json', '--outlet', 'Test Desk', '--url', 'https://example.org/a'], env('none.db'), async () => article('aug-18-guild-reply'));
    if (!result) throw new Error('ingest did not handle the line');
    const { out, code } = result;
    expect(code).toBe(0);
    const drafts = JSON.parse(out) as { patch: unknown; evidence: { sentence: string } }[];
    expect(drafts.length).toBeGreaterThan(2);
    for (const d of drafts) {
      const patch = DraftPatchSchema.parse(d.patch);
      expect(patch.sources?.[0]).toMatchObject({ outlet: 'Test Desk', title: 'Guild answers studios, accepts health-plan terms', kind: 'press', url: 'https://example.org/a', date: '2023-08-18' });
      expect(JSON.stringify(patch)).not.toContain(d.evidence.sentence);
    }
  });

  it('--apply stores drafts as unverified patches, and stance changes only with --yes, showing before and after', async () => {
    const held = await runCli(['ingest', join(ARTICLES, 'aug-11-meeting.txt'), '--apply', '--now', '2023-08-12T10:00:00Z'], env('apply.db'));
    expect(held.code).toBe(0);
    expect(held.out).toMatch(/Stored draft 1 as patch #1 \(unverified\)\./);
    expect(held.out).toContain('Draft 2 was not stored: it changes a stance. Before: AMPTP rejects it (since Aug 4, 2023). After: AMPTP has countered (since Aug 11, 2023).');
    expect(held.out).toContain('run again with --apply --yes');
    const first = await storedIn('apply.db');
    expect(first.map((r) => r.patch?.patch.proposals?.[0]?.stances)).toEqual([undefined, undefined, undefined]);
    expect(first[0]!.update).toBeUndefined();
    expect(first[0]!.patch?.patch.events?.[0]).toMatchObject({ text: 'Per Pacific Labor Wire, WGA and AMPTP met.', date: '2023-08-11' });
    expect(first[0]!.patch?.patch.dispute?.lastContact).toEqual({ event: first[0]!.patch?.patch.events?.[0]?.id });

    const confirmed = await runCli(['ingest', join(ARTICLES, 'aug-15-rejection.txt'), '--apply', '--yes', '--now', '2023-08-16T10:00:00Z'], env('apply.db'));
    expect(confirmed.code).toBe(0);
    expect(confirmed.out).toMatch(/Stored draft 1 as patch #4 \(unverified\)\. Before: AMPTP rejects it \(since Aug 4, 2023\)\. After: AMPTP rejects it \(since Aug 15, 2023\)\./);
    const records = await storedIn('apply.db');
    const stances = records.flatMap((r) => (r.patch?.patch.proposals ?? []).flatMap((p) => (p.stances ?? []).map((s) => `${s.party} ${s.stance} ${p.id}`)));
    expect(stances).toEqual(['amptp rejects tv-minimum-staffing', 'amptp counters health-plan', 'amptp open viewership-residual']);
    expect(records).toHaveLength(7);
    expect(records.every((r) => r.patch && r.unverified && r.origin === 'ingest' && r.author === 'shell:cli')).toBe(true);

    // The bot's reads take the stored drafts, labelled unverified, from the same database.
    const proposal = await runCli(['proposal', 'viewership', '--now', '2023-08-16T12:00:00Z'], env('apply.db'));
    expect(proposal.out).toMatch(/open to/i);
    expect(proposal.out).toMatch(/unverified/i);
  });

  it('--apply holds a status change without --yes, shows before and after, and stores it as the status with --yes', async () => {
    const args = ['ingest', join(ARTICLES, 'sep-27-back-to-work.txt'), '--apply', '--now', '2023-09-28T10:00:00Z'];
    const held = await runCli(args, env('status.db'));
    expect(held.out).toContain('Draft 1 was not stored: it changes the status. Before: On strike (since May 2, 2023). After: Strike over, ratification pending (since Sept 27, 2023).');
    expect((await storedIn('status.db')).some((r) => r.patch?.patch.dispute?.statusHistory)).toBe(false);
    const stored = await runCli([...args, '--yes'], env('status.db'));
    expect(stored.out).toContain('Stored draft 1 as patch #1 (unverified). Before: On strike (since May 2, 2023). After: Strike over, ratification pending (since Sept 27, 2023).');
    expect((await storedIn('status.db'))[0]!.patch?.patch.dispute?.statusHistory?.[0]).toMatchObject({ status: 'strike-ended', since: '2023-09-27' });
    const json = await runCli([...args, '--json'], env('status-json.db'));
    const held2 = (JSON.parse(json.out) as { applied: { draft: number; held?: boolean; change?: string }[] }).applied[0];
    expect(held2).toEqual({ draft: 1, held: true, change: 'Before: On strike (since May 2, 2023). After: Strike over, ratification pending (since Sept 27, 2023).' });
    const status = await runCli(['status', '--now', '2023-09-28T12:00:00Z'], env('status.db'));
    expect(status.out.split('\n')[0]).toMatch(/Strike over, ratification pending \(unverified\)/);
  });

  it('--apply refuses drafts dated after --now, naming the path, and stores none of them', async () => {
    const future = await runCli(['ingest', join(ARTICLES, 'aug-18-guild-reply.txt'), '--apply', '--yes', '--now', '2023-08-12T10:00:00Z'], env('future.db'));
    expect(future.code).toBe(1);
    expect(future.out).toMatch(/Draft 1 was not stored: sources\[0\]\.date: Aug 18, 2023 is in the future/);
    expect(await storedIn('future.db')).toEqual([]);
  });

  it('explains bad arguments', async () => {
    expect((await runCli(['ingest'], env('none.db'))).code).toBe(2);
    expect((await runCli(['ingest', 'a.txt', '--date', 'Aug 11'], env('none.db'))).out).toMatch(/--date must be YYYY-MM-DD/);
    expect((await runCli(['ingest', join(tmp, 'missing.txt')], env('none.db'))).out).toMatch(/Could not read/);
  });
});
