import { ApplicationCommandOptionType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { strikeCommandJSON } from '../../src/bots/discord/command-definitions.js';
import { digestCommandDescription } from '../../src/bots/digests/start-digests.js';
import type { CommandSpec } from '../../src/core/commands/command-spec.js';
import { allCommands } from '../../src/core/commands/registry.js';
import { ReplyBuilder } from '../../src/core/reply/reply-builder.js';
import { testContext } from './bot-harness.js';

type Option = { type: number; name: string; required?: boolean; autocomplete?: boolean; description: string; options?: Option[] };

describe('strikeCommandJSON', () => {
  const ctx = testContext();
  const json = strikeCommandJSON(ctx);
  const subs = (json.options ?? []) as Option[];
  const sub = (name: string) => subs.find((s) => s.name === name)!;

  it('has one subcommand per core command, in the same order as help', () => {
    expect(json.name).toBe('strike');
    expect(subs.every((s) => s.type === ApplicationCommandOptionType.Subcommand)).toBe(true);
    expect(subs.map((s) => s.name)).toEqual(allCommands(ctx).map((c) => c.name));
    expect(subs.map((s) => s.name)).toEqual(expect.arrayContaining(['status', 'proposals', 'proposal', 'timeline', 'who', 'ask', 'sources', 'help']));
  });

  it('asks for a required question, and a required autocompleting name for proposal and who', () => {
    expect(sub('ask').options).toEqual([expect.objectContaining({ name: 'question', required: true, autocomplete: false, type: ApplicationCommandOptionType.String })]);
    for (const name of ['proposal', 'who']) {
      expect(sub(name).options).toEqual([expect.objectContaining({ name: 'name', required: true, autocomplete: true })]);
    }
    for (const name of ['status', 'proposals', 'timeline', 'sources', 'help']) expect(sub(name).options ?? []).toEqual([]);
  });

  it('keeps descriptions within Discord’s 100 characters', () => {
    const all = [json.description, ...subs.flatMap((s) => [s.description, ...(s.options ?? []).map((o) => o.description)])];
    for (const d of all) {
      expect(d.length).toBeGreaterThan(0);
      expect(d.length).toBeLessThanOrEqual(100);
    }
  });

  it('turns the digest command into a subcommand group with its actions', () => {
    const withDigest = (strikeCommandJSON(testContext([digestCommandDescription({ DIGEST_TZ: 'America/Los_Angeles' })])).options ?? []) as Option[];
    const group = withDigest.find((s) => s.name === 'digest');
    expect(group?.type).toBe(ApplicationCommandOptionType.SubcommandGroup);
    expect(group?.options?.map((o) => o.name)).toEqual(['subscribe', 'unsubscribe', 'preview', 'status']);
  });

  it('includes registered extensions, so new commands need no Discord change', () => {
    const extra: CommandSpec = {
      name: 'pickets',
      arg: { name: 'when', description: 'today or tomorrow', required: false },
      summary: 'Picket schedule for this channel.',
      example: '/strike pickets today',
      run: (c) => new ReplyBuilder(c.knowledge, 'pickets', 'Pickets').build(),
    };
    const withExtension = (strikeCommandJSON(testContext([extra])).options ?? []) as Option[];
    expect(withExtension.find((s) => s.name === 'pickets')?.options).toEqual([expect.objectContaining({ name: 'when', required: false, autocomplete: false })]);
  });
});
