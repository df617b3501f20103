import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, limitViolations, MAX_MESSAGES_PER_REPLY, type DiscordMessagePayload } from '../../src/bots/discord/discord-limits.js';
import { renderDiscordMessages, EMBED_COLORS } from '../../src/bots/discord/render-embeds.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import type { Block, Citation, Reply } from '../../src/core/reply/reply.js';
import { testContext } from './bot-harness.js';

const shell = { platform: 'shell' } as const;

function allText(payloads: DiscordMessagePayload[]): string {
  return payloads
    .flatMap((p) => [p.content ?? '', ...p.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])])
    .join('\n');
}

function reply(blocks: Block[], extra: Partial<Reply> = {}): Reply {
  return { command: 'test', title: 'A test reply', blocks, citations: [], visibility: 'private', answered: true, asOf: '2023-08-04', fallbackText: '', ...extra };
}

describe('renderDiscordMessages on the shipped pack', () => {
  const ctx = testContext();
  const k = ctx.knowledge;
  const texts = [
    'status', 'proposals', 'timeline', 'sources', 'help', 'proposal', 'who', 'proposal no such thing', 'who nobody at all', 'sttaus',
    ...[...k.proposals.values()].flatMap((p) => [`proposal ${p.name}`, ...p.aliases.map((a) => `proposal ${a}`)]),
    ...[...k.people.values()].flatMap((p) => [`who ${p.name}`, ...p.aliases.map((a) => `who ${a}`)]),
    ...[...k.parties.values()].flatMap((p) => [`who ${p.name}`, `who ${p.shortName}`, ...p.aliases.map((a) => `who ${a}`)]),
    'ask where do talks stand?', 'ask what did the AMPTP say about mini rooms?', 'ask who is Carol Lombardini?', 'ask what happened on Aug 4?',
  ];

  it('keeps every reply of every command, proposal, person and party within Discord limits', async () => {
    let longest = { text: '', chars: 0 };
    for (const text of texts) {
      const r = await runCommandText(ctx, text, shell);
      const payloads = renderDiscordMessages(r);
      expect(payloads.length, text).toBeGreaterThan(0);
      for (const p of payloads) expect(limitViolations(p), `${text}: ${JSON.stringify(p).slice(0, 200)}`).toEqual([]);
      const chars = allText(payloads).length;
      if (chars > longest.chars) longest = { text, chars };
    }
    // The longest reply the pack can produce is one of the long listings, and it still fits.
    expect(['timeline', 'sources', 'help', 'status', 'proposals']).toContain(longest.text.split(' ')[0]);
    expect(longest.chars).toBeGreaterThan(1000);
  });

  it('puts the title in the first embed, the "as of" date in the footer and the sources at the end', async () => {
    const payloads = renderDiscordMessages(await runCommandText(ctx, 'proposal mini rooms', shell));
    const embeds = payloads.flatMap((p) => p.embeds);
    expect(embeds[0]?.title).toBe('Minimum staffing in episodic TV');
    expect(embeds.at(-1)?.footer?.text).toBe(`Information as of Aug 4, 2023`);
    const descriptions = embeds.map((e) => e.description ?? '').join('\n');
    expect(descriptions).toMatch(/\*\*Sources\*\*\n\\\[1\\\] /);
    expect(embeds.every((e) => e.color === EMBED_COLORS.answered)).toBe(true);
  });

  it('renders a decline in grey', async () => {
    const [first] = renderDiscordMessages(await runCommandText(ctx, 'proposal no such thing', shell));
    expect(first?.embeds[0]?.color).toBe(EMBED_COLORS.declined);
  });
});

describe('renderDiscordMessages splitting', () => {
  it('splits a long description across embeds and messages without losing a line', () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({ text: `Line ${i} ${'x'.repeat(60)}`, cites: [] }));
    const payloads = renderDiscordMessages(reply([{ kind: 'list', items: lines }]));
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(limitViolations(p)).toEqual([]);
    const text = allText(payloads);
    for (let i = 0; i < 300; i++) expect(text).toContain(`• Line ${i} `);
    // Later messages say what they continue and which part they are.
    expect(payloads[1]?.embeds[0]?.title).toBe('A test reply (continued)');
    expect(payloads.at(-1)?.embeds.at(-1)?.footer?.text).toBe(`Information as of Aug 4, 2023 · part ${payloads.length} of ${payloads.length}`);
  });

  it('splits one oversized paragraph, field value and field list', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    const fields = Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i}`, value: i === 0 ? 'v'.repeat(3000) : `value ${i}`, cites: [] }));
    const payloads = renderDiscordMessages(reply([{ kind: 'text', line: { text: words, cites: [1] } }, { kind: 'fields', fields }]));
    for (const p of payloads) expect(limitViolations(p)).toEqual([]);
    const text = allText(payloads);
    expect(text).toContain('w0 w1');
    expect(text).toContain('w1999 [1]');
    expect(text).toContain('Field 0 (continued)');
    expect(text).toContain('value 59');
  });

  it('shortens a reply too long for five messages and says where the rest is', () => {
    const items = Array.from({ length: 2000 }, (_, i) => ({ text: `Event ${i} ${'y'.repeat(80)}`, cites: [] }));
    const payloads = renderDiscordMessages(reply([{ kind: 'list', items }], { more: '/strike timeline' }));
    expect(payloads).toHaveLength(MAX_MESSAGES_PER_REPLY);
    for (const p of payloads) expect(limitViolations(p)).toEqual([]);
    expect(payloads.at(-1)?.embeds.at(-1)?.footer?.text).toContain('Shortened to fit Discord; see also /strike timeline');
  });

  it('adds content only to the first message, within 2,000 characters', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ text: `Item ${i} ${'z'.repeat(80)}`, cites: [] }));
    const payloads = renderDiscordMessages(reply([{ kind: 'list', items }]), { content: 'c'.repeat(2500) });
    expect(payloads[0]?.content?.length).toBe(DISCORD_LIMITS.content);
    expect(payloads.slice(1).every((p) => p.content === undefined)).toBe(true);
  });

  it('stays within every limit for any reply (property)', () => {
    // Mostly short text, sometimes far longer than any single Discord limit.
    const text = fc.oneof({ arbitrary: fc.string({ maxLength: 300 }), weight: 4 }, { arbitrary: fc.string({ minLength: 1000, maxLength: 5000 }), weight: 1 });
    const line = fc.record({ text, cites: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }) });
    const block: fc.Arbitrary<Block> = fc.oneof(
      fc.record({ kind: fc.constant('heading' as const), text }),
      fc.record({ kind: fc.constant('text' as const), line }),
      fc.record({ kind: fc.constant('list' as const), items: fc.array(line, { maxLength: 30 }) }),
      fc.record({ kind: fc.constant('fields' as const), fields: fc.array(fc.record({ label: fc.string({ maxLength: 400 }), value: fc.string({ maxLength: 2500 }), cites: fc.constant<number[]>([]) }), { maxLength: 40 }) }),
      fc.record({ kind: fc.constant('quote' as const), quote: text, attribution: fc.string({ maxLength: 200 }), cites: fc.constant<number[]>([1]) }),
      fc.record({ kind: fc.constant('notice' as const), text }),
      fc.constant({ kind: 'divider' as const }),
    );
    const citation: fc.Arbitrary<Citation> = fc.record({
      n: fc.nat(99), sourceId: fc.constant('s'), outlet: fc.string({ maxLength: 100 }), title: fc.string({ maxLength: 400 }), date: fc.constant('2023-08-04'),
      url: fc.option(fc.webUrl(), { nil: undefined }), via: fc.option(fc.string({ maxLength: 50 }), { nil: undefined }),
    }).map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)) as unknown as Citation);
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.array(block, { maxLength: 25 }), fc.array(citation, { maxLength: 40 }), fc.boolean(), (title, blocks, citations, answered) => {
        const payloads = renderDiscordMessages(reply(blocks, { title, citations, answered }));
        expect(payloads.length).toBeGreaterThan(0);
        expect(payloads.length).toBeLessThanOrEqual(MAX_MESSAGES_PER_REPLY);
        for (const p of payloads) expect(limitViolations(p)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('renderDiscordMessages escaping and links', () => {
  it('shows user and pack text literally: no markdown, mentions or @everyone', () => {
    const payloads = renderDiscordMessages(reply([{ kind: 'text', line: { text: '**bold** @everyone <@123> [x](https://evil.example) # heading', cites: [] } }], { title: 'No proposal called “@here <@&5>”' }));
    const embed = payloads[0]!.embeds[0]!;
    expect(embed.title).toBe('No proposal called “@\u200bhere \\<@&5\\>”');
    expect(embed.description).toBe('\\*\\*bold\\*\\* @\u200beveryone \\<@123\\> \\[x\\](https://evil.example) # heading');
  });

  it('links sources that have a web address, and only those', () => {
    const citations: Citation[] = [
      { n: 1, sourceId: 'a', outlet: 'Deadline', title: 'Talks [resume] (maybe)', date: '2023-08-04', url: 'https://example.org/a_(b)' },
      { n: 2, sourceId: 'b', outlet: 'Memo', title: 'Internal memo', date: '2023-08-03', url: 'javascript:alert(1)' },
    ];
    const text = renderDiscordMessages(reply([], { citations }))[0]!.embeds.map((e) => e.description).join('\n');
    expect(text).toContain('\\[1\\] [Talks \\[resume\\] \\(maybe\\)](https://example.org/a_%28b%29) · Deadline, Aug 4, 2023');
    expect(text).toContain('\\[2\\] Internal memo · Memo, Aug 3, 2023');
    expect(text).not.toContain('javascript:');
  });
});
