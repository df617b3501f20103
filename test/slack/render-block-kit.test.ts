import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { types } from '@slack/bolt';
import { findLiveTokens } from '../../src/bots/slack/escape-mrkdwn.js';
import { renderBlockKit } from '../../src/bots/slack/render-block-kit.js';
import { renderHomeView } from '../../src/bots/slack/render-home-view.js';
import { commandResponse } from '../../src/bots/slack/handle-command.js';
import {
  MAX_BLOCK_TEXT_PER_MESSAGE,
  MAX_BLOCKS_PER_HOME_VIEW,
  MAX_BLOCKS_PER_MESSAGE,
  blockTexts,
  findLimitViolations,
  type SlackMessage,
} from '../../src/bots/slack/slack-limits.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import type { Block, Citation, Reply } from '../../src/core/reply/reply.js';
import { everyPackReply } from './pack-replies.js';
import { testContext } from './harness.js';

function reply(parts: Partial<Reply>): Reply {
  return { command: 'test', title: 'A title', blocks: [], citations: [], visibility: 'private', answered: true, fallbackText: 'A title', ...parts };
}

function citation(n: number, extra: Partial<Citation> = {}): Citation {
  return { n, sourceId: `s${n}`, outlet: `Outlet ${n}`, title: `Report number ${n}`, date: '2023-08-04', ...extra };
}

const allTexts = (m: SlackMessage) => [m.text, ...m.blocks.flatMap(blockTexts)];
const isTrimmed = (m: SlackMessage) => allTexts(m).some((t) => t.includes('Shortened to fit Slack'));
const ofType = <T extends types.KnownBlock['type']>(m: SlackMessage, type: T) => m.blocks.filter((b) => b.type === type) as Extract<types.KnownBlock, { type: T }>[];

describe('renderBlockKit', () => {
  it('maps each kind of block, with citation marks, linked sources and the as-of date', () => {
    const m = renderBlockKit(
      reply({
        title: 'Minimum staffing',
        blocks: [
          { kind: 'notice', text: 'Old news' },
          { kind: 'text', line: { text: 'The summary.', cites: [1] } },
          { kind: 'fields', fields: [{ label: 'Status', value: 'open', cites: [] }] },
          { kind: 'heading', text: 'Where each side stands' },
          { kind: 'list', items: [{ text: 'one', cites: [1] }, { text: 'two', cites: [1, 2] }] },
          { kind: 'quote', quote: 'No.', attribution: 'A speaker, Aug 4, 2023', cites: [2] },
          { kind: 'divider' },
        ],
        citations: [citation(1, { url: 'https://example.org/a' }), citation(2, { via: 'Outlet 1' })],
        asOf: '2023-08-04',
      }),
    );
    expect(m.blocks.map((b) => b.type)).toEqual(['header', 'context', 'section', 'section', 'section', 'section', 'section', 'divider', 'context']);
    expect(ofType(m, 'header')[0]!.text.text).toBe('Minimum staffing');
    const sections = ofType(m, 'section');
    expect(sections[0]!.text?.text).toBe('The summary. [1]');
    expect(sections[1]!.fields?.[0]?.text).toBe('*Status*\nopen');
    expect(sections[2]!.text?.text).toBe('*Where each side stands*');
    expect(sections[3]!.text?.text).toBe('• one [1]\n• two [1, 2]');
    expect(sections[4]!.text?.text).toContain('No.');
    const sources = ofType(m, 'context').at(-1)!.elements.map((e) => (e as types.MrkdwnElement).text);
    expect(sources[0]).toMatch(/^Sources: \[1\] <https:\/\/example\.org\/a\|Outlet 1: Report number 1 \(example\.org\)>/);
    expect(sources[1]).toContain('(via Outlet 1)');
    expect(sources.at(-1)).toMatch(/^As of .*2023/);
    expect(m.text).toBe('A title');
  });

  it('escapes every text, so nothing in a reply can mention anyone', () => {
    const evil = 'x <!channel> <!here> <@U123> <#C1|general> & <https://evil.test|click>';
    const m = renderBlockKit(
      reply({
        title: evil,
        blocks: [
          { kind: 'heading', text: evil },
          { kind: 'text', line: { text: evil, cites: [1] } },
          { kind: 'fields', fields: [{ label: evil, value: evil, cites: [] }] },
          { kind: 'list', items: [{ text: evil, cites: [] }] },
          { kind: 'quote', quote: evil, attribution: evil, cites: [] },
          { kind: 'notice', text: evil },
        ],
        citations: [citation(1, { outlet: evil, title: evil, via: evil, url: 'https://example.org/?q=<!channel>' })],
        more: evil,
        fallbackText: evil,
      }),
    );
    for (const text of allTexts(m)) expect(findLiveTokens(text)).toEqual([]);
    expect(JSON.stringify(m)).not.toMatch(/<!channel>|<!here>|<@U123>|<#C1/);
    expect(ofType(m, 'header')[0]!.text.text).toContain('&lt;!channel&gt;');
  });

  it('splits a long list over sections and keeps every item when the message has room', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ text: `item ${i} ${'y'.repeat(250)}`, cites: [1] }));
    const m = renderBlockKit(reply({ blocks: [{ kind: 'list', items }], citations: [citation(1)] }));
    expect(findLimitViolations(m)).toEqual([]);
    expect(ofType(m, 'section').length).toBeGreaterThan(1);
    expect(items.every((i) => allTexts(m).some((t) => t.includes(i.text)))).toBe(true);
    expect(isTrimmed(m)).toBe(false);
  });

  it('cuts what cannot fit and points to the fuller command, keeping header and sources', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ text: `event ${i}: ${'z'.repeat(400)}`, cites: [1] }));
    const m = renderBlockKit(reply({ blocks: [{ kind: 'list', items }], citations: [citation(1)], asOf: '2023-08-04', more: '/strike timeline' }));
    expect(findLimitViolations(m)).toEqual([]);
    expect(m.blocks[0]!.type).toBe('header');
    expect(allTexts(m).some((t) => t.includes('Shortened to fit Slack') && t.includes('/strike timeline'))).toBe(true);
    expect(allTexts(m).some((t) => t.startsWith('Sources: [1]'))).toBe(true);
  });

  it('respects a lower block budget for callers that add their own blocks', () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({ kind: 'text', line: { text: `para ${i}`, cites: [] } }));
    const m = renderBlockKit(reply({ blocks }), { maxBlocks: 49 });
    expect(m.blocks.length).toBeLessThanOrEqual(49);
    expect(findLimitViolations(m, 49)).toEqual([]);
  });

  it('spreads more than ten fields over sections, and summarises sources beyond the cap', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ label: `L${i}`, value: 'v'.repeat(2500), cites: [] }));
    const citations = Array.from({ length: 30 }, (_, i) => citation(i + 1, { url: `https://example.org/${i}` }));
    const m = renderBlockKit(reply({ blocks: [{ kind: 'fields', fields }], citations, asOf: '2023-08-04' }));
    expect(findLimitViolations(m)).toEqual([]);
    expect(allTexts(m).some((t) => /and 18 more: \/strike sources/.test(t))).toBe(true);
  });

  it('shortens a header past 150 characters and a fallback past its cap', () => {
    const m = renderBlockKit(reply({ title: 'T'.repeat(400), fallbackText: '&'.repeat(10_000) }));
    expect(findLimitViolations(m)).toEqual([]);
    expect(ofType(m, 'header')[0]!.text.text).toMatch(/…$/);
    expect(m.text.length).toBeLessThanOrEqual(4000);
    expect(m.text).not.toMatch(/&(a|am|amp)?…$/);
  });

  it('stays within every limit and escapes everything for any reply', () => {
    const tricky = fc.constantFrom('<!channel>', '<!here>', '<@U123>', '&', '<', '>', '|', '\n', '*', '_', '🙂');
    const text = (max: number) => fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: max }), tricky), { maxLength: 12 }).map((a) => a.join(''));
    const cites = fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 4 });
    const line = fc.record({ text: text(700), cites });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), text: text(200) }),
      fc.record({ kind: fc.constant('text' as const), line }),
      fc.record({ kind: fc.constant('list' as const), items: fc.array(line, { maxLength: 60 }) }),
      fc.record({ kind: fc.constant('fields' as const), fields: fc.array(fc.record({ label: text(100), value: text(900), cites }), { maxLength: 25 }) }),
      fc.record({ kind: fc.constant('quote' as const), quote: text(800), attribution: text(80), cites }),
      fc.record({ kind: fc.constant('notice' as const), text: text(400) }),
      fc.constant({ kind: 'divider' as const }),
    );
    const citationArb = fc.record({
      n: fc.integer({ min: 1, max: 40 }),
      sourceId: fc.string(),
      outlet: text(80),
      title: text(300),
      date: fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      url: fc.option(fc.oneof(fc.webUrl(), text(40)), { nil: undefined }),
      via: fc.option(text(40), { nil: undefined }),
    });
    const replyArb = fc.record({
      command: fc.constant('any'),
      title: text(200),
      blocks: fc.array(block, { maxLength: 40 }),
      citations: fc.array(citationArb, { maxLength: 30 }),
      asOf: fc.option(fc.constant('2023-08-04'), { nil: undefined }),
      visibility: fc.constantFrom('private' as const, 'channel' as const),
      answered: fc.boolean(),
      more: fc.option(text(40), { nil: undefined }),
      fallbackText: text(3000),
    });
    fc.assert(
      fc.property(replyArb, (r) => {
        const plain = JSON.parse(JSON.stringify(r)) as Reply; // drop undefined optionals, as a built reply would
        const m = renderBlockKit(plain);
        expect(findLimitViolations(m)).toEqual([]);
        for (const t of allTexts(m)) expect(findLiveTokens(t)).toEqual([]);
        const withButton = commandResponse(plain, 'status') as SlackMessage;
        expect(findLimitViolations(withButton)).toEqual([]);
      }),
      // Pinned so the suite is deterministic; raise numRuns or change the seed locally to explore.
      { numRuns: 150, seed: 20230804 },
    );
  });
});

describe('every reply the shipped pack can produce', () => {
  let replies: { text: string; reply: Reply }[];
  beforeAll(async () => {
    replies = await everyPackReply(testContext());
  });

  it('tries a broad set of commands, names and questions', () => {
    expect(replies.length).toBeGreaterThan(100);
  });

  it('renders every one within Slack’s limits, whole, with no live token, including with the share button', () => {
    for (const { text, reply: r } of replies) {
      const m = renderBlockKit(r);
      expect(findLimitViolations(m), text).toEqual([]);
      expect(isTrimmed(m), `${text} should fit without cutting`).toBe(false);
      for (const t of allTexts(m)) expect(findLiveTokens(t), text).toEqual([]);
      expect(findLimitViolations(commandResponse(r, text) as SlackMessage), text).toEqual([]);
    }
  });

  it('fits the longest one (by rendered block text) with room to spare', () => {
    const sized = replies.map(({ text, reply: r }) => {
      const m = renderBlockKit(r);
      return { text, blocks: m.blocks.length, chars: m.blocks.flatMap(blockTexts).reduce((n, t) => n + t.length, 0) };
    });
    const longest = sized.reduce((a, b) => (b.chars > a.chars ? b : a));
    const most = sized.reduce((a, b) => (b.blocks > a.blocks ? b : a));
    expect(longest.chars).toBeLessThanOrEqual(MAX_BLOCK_TEXT_PER_MESSAGE);
    expect(most.blocks).toBeLessThanOrEqual(MAX_BLOCKS_PER_MESSAGE - 1);
    // The sweep must include the long hitters named in the issue.
    expect(sized.map((s) => s.text)).toEqual(expect.arrayContaining(['help', 'timeline', 'sources', 'status', 'proposals']));
  });

  it('builds a Home tab within the view’s limits', async () => {
    const ctx = testContext();
    const origin = { platform: 'slack' as const, userId: 'U0MEMBER' };
    const view = renderHomeView(await runCommandText(ctx, 'status', origin), await runCommandText(ctx, 'proposals', origin));
    const asMessage = { text: 'home', blocks: view.blocks as types.KnownBlock[] };
    expect(findLimitViolations(asMessage, MAX_BLOCKS_PER_HOME_VIEW)).toEqual([]);
    expect(view.blocks.filter((b) => b.type === 'header')).toHaveLength(2);
  });
});
