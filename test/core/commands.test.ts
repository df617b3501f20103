import { describe, expect, it } from 'vitest';
import { allCommands, parseCommandText, runCommandText } from '../../src/core/commands/registry.js';
import { replyLines, shippedContext } from '../support/core-context.js';

const origin = { platform: 'shell' as const, userId: 'test' };
const run = (text: string, now?: string) => runCommandText(shippedContext(now), text, origin);

describe('status', () => {
  it('says where the dispute stands as of its latest fact, with the strike day', async () => {
    const reply = await run('status');
    expect(reply.asOf).toBe('2023-08-04');
    expect(reply.fallbackText).toContain('As of Aug 4, 2023, day 95 of the strike (since May 2, 2023).');
    expect(reply.fallbackText).toMatch(/Last contact: Aug 4, 2023: First meeting since the strike began, at the AMPTP's headquarters in Sherman Oaks/);
    expect(reply.fallbackText).toMatch(/Next contact: Expected in the coming days/);
    expect(reply.fallbackText).toMatch(/Minimum staffing in episodic TV: WGA demands it; AMPTP rejects it/);
  });

  it('has no age warning within a week of the latest fact', async () => {
    const reply = await run('status', '2023-08-11T23:00:00Z');
    expect(reply.blocks.some((b) => b.kind === 'notice')).toBe(false);
  });

  it('says how old the information is once it is more than a week old', async () => {
    const reply = await run('status', '2023-08-20T12:00:00Z');
    expect(reply.blocks).toContainEqual({ kind: 'notice', text: expect.stringContaining('This information is 2 weeks old') });
    const years = await run('status', '2026-11-26T12:00:00Z');
    expect(years.fallbackText).toContain('This information is 3 years old: the latest fact I have is from Aug 4, 2023.');
  });

  it('backs every line with a source', async () => {
    for (const command of ['status', 'proposals', 'timeline', 'proposal mini rooms', 'who lombardini']) {
      const reply = await run(command);
      const unsourced = replyLines(reply).filter((l) => l.cites.length === 0 && !/^(Proposed by|Status|Also called): /.test(l.text) && !l.text.startsWith('Ask for one'));
      expect({ command, unsourced }).toEqual({ command, unsourced: [] });
      expect(reply.citations.length).toBeGreaterThan(0);
    }
  });
});

describe('proposal', () => {
  it.each(['mini rooms', "Writers' Room Staffing", 'MINIMUM STAFFING', 'mini roms', 'staffing minimums'])('finds minimum staffing by “%s”', async (name) => {
    const reply = await run(`proposal ${name}`);
    expect(reply.answered).toBe(true);
    expect(reply.title).toBe('Minimum staffing in episodic TV');
    expect(reply.fallbackText).toContain('AMPTP rejects it');
  });

  it('suggests the closest proposals for an unknown name', async () => {
    const reply = await run('proposal weeks guarantee thing');
    expect(reply.answered).toBe(false);
    expect(reply.fallbackText).toMatch(/Closest: Guaranteed weeks of employment in TV/);
  });

  it('asks which proposal when none is named', async () => {
    const reply = await run('proposal');
    expect(reply.answered).toBe(false);
    expect(reply.fallbackText).toContain('/strike proposal mini rooms');
  });
});

describe('who, timeline, sources, help', () => {
  it('describes a person with their statements', async () => {
    const reply = await run('who Carol Lombardini');
    expect(reply.fallbackText).toContain('Carol Lombardini is chief executive (CEO) of the AMPTP.');
    expect(reply.fallbackText).toContain('“People just want to get back to work.”');
  });

  it('describes a party by a nickname', async () => {
    const reply = await run('who the studios');
    expect(reply.title).toBe('Alliance of Motion Picture and Television Producers (AMPTP)');
  });

  it('suggests names for an unknown person', async () => {
    const reply = await run('who Bob Iger');
    expect(reply.answered).toBe(false);
    expect(reply.fallbackText).toContain('Nobody by that name');
  });

  it('lists the timeline oldest first', async () => {
    const items = (await run('timeline')).blocks.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => i.text) : []));
    expect(items[0]).toMatch(/^May 1, 2023: Contract talks break down/);
    expect(items.findIndex((t) => t.startsWith('July 14, 2023'))).toBeLessThan(items.findIndex((t) => t.startsWith('Aug 4, 2023')));
  });

  it('lists every source with its kind', async () => {
    const reply = await run('sources');
    expect(reply.citations.map((c) => c.sourceId)).toEqual(shippedContext().knowledge.pack.sources.map((s) => s.id));
  });

  it('help lists every command with an example', async () => {
    const ctx = shippedContext();
    const reply = await runCommandText(ctx, 'help', origin);
    for (const spec of allCommands(ctx)) expect(reply.fallbackText).toContain(spec.example);
  });
});

describe('parsing /strike text', () => {
  const ctx = shippedContext();
  it('treats nothing as help', () => expect(parseCommandText(ctx, '   ')).toEqual({ kind: 'command', name: 'help', args: '' }));
  it('reads a command and its argument', () => expect(parseCommandText(ctx, 'Proposal mini rooms')).toEqual({ kind: 'command', name: 'proposal', args: 'mini rooms' }));
  it('treats a sentence as a question', () => expect(parseCommandText(ctx, 'what did the AMPTP say?')).toEqual({ kind: 'question', text: 'what did the AMPTP say?' }));
  it('flags a mistyped command with a suggestion', () => expect(parseCommandText(ctx, 'stauts')).toEqual({ kind: 'unknown', word: 'stauts', suggestion: 'status' }));
  it('takes one word that is no command as a question (issue 10)', () => expect(parseCommandText(ctx, 'staffing')).toEqual({ kind: 'question', text: 'staffing' }));

  it('answers /strike staffing as a question, with a citation', async () => {
    const reply = await runCommandText(ctx, '/strike staffing', origin);
    expect(reply.command).toBe('ask');
    expect(reply.answered).toBe(true);
    expect(reply.citations.length).toBeGreaterThan(0);
  });

  it('cuts a 5,000-character question at a word, never inside one', async () => {
    const question = `where did they meet ${'negotiations '.repeat(400)}`;
    const reply = await runCommandText(ctx, `ask ${question}`, origin);
    expect(reply.title.endsWith('negotiations…') || reply.title.endsWith('negotiations')).toBe(true);
    expect(reply.fallbackText).not.toMatch(/“negoti(?!ations)/);
  });

  it('answers an unknown command politely, naming the commands', async () => {
    const reply = await runCommandText(ctx, 'stauts', origin);
    expect(reply.answered).toBe(false);
    expect(reply.fallbackText).toContain('Did you mean /strike status?');
    expect(reply.fallbackText).toContain('Commands: status, proposals, proposal, timeline, who, sources, ask, help');
  });
});
