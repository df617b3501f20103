import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandDefinitionsJSON, strikeCommandJSON } from '../../src/bots/discord/command-definitions.js';
import type { CommandSpec } from '../../src/core/commands/command-spec.js';
import { allCommands } from '../../src/core/commands/registry.js';
import { editorCommandDescriptions } from '../../src/core/updates/editor-commands.js';
import { ReplyBuilder } from '../../src/core/reply/reply-builder.js';
import { testContext } from './bot-harness.js';
import { fakeDigestCommand } from './test-extensions.js';

type Option = {
  type: number; name: string; required?: boolean; autocomplete?: boolean; description: string; options?: Option[];
  min_length?: number; max_length?: number; min_value?: number; choices?: { name: string; value: string }[];
};

describe('strikeCommandJSON', () => {
  const ctx = testContext();
  const json = strikeCommandJSON(ctx);
  const subs = (json.options ?? []) as Option[];
  const sub = (name: string) => subs.find((s) => s.name === name)!;

  it('has one subcommand per reading core command, in the same order as help', () => {
    expect(json.name).toBe('strike');
    expect(subs.every((s) => s.type === ApplicationCommandOptionType.Subcommand)).toBe(true);
    expect(subs.map((s) => s.name)).toEqual(allCommands(ctx).map((c) => c.name));
    expect(subs.map((s) => s.name)).toEqual(expect.arrayContaining(['status', 'proposals', 'proposal', 'timeline', 'who', 'ask', 'sources', 'help']));
  });

  it('is for everyone, and installable to a user account for DMs and private channels', () => {
    expect(json.default_member_permissions ?? null).toBeNull();
    expect(json.integration_types).toEqual([ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall]);
    expect(json.contexts).toEqual([InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel]);
  });

  it('leaves the digest and editor commands out, even when the bot runs them', () => {
    const names = ((strikeCommandJSON(testContext([fakeDigestCommand, ...editorCommandDescriptions()])).options ?? []) as Option[]).map((o) => o.name);
    for (const gone of ['digest', 'update', 'correct', 'verify', 'log']) expect(names).not.toContain(gone);
    expect(names).toContain('status');
  });

  it('asks for a required question, and a required autocompleting name for proposal and who', () => {
    expect(sub('ask').options).toEqual([expect.objectContaining({ name: 'question', required: true, autocomplete: false, type: ApplicationCommandOptionType.String })]);
    for (const name of ['proposal', 'who']) {
      expect(sub(name).options).toEqual([expect.objectContaining({ name: 'name', required: true, autocomplete: true })]);
    }
    for (const name of ['status', 'proposals', 'timeline', 'sources', 'help']) expect(sub(name).options ?? []).toEqual([]);
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

describe('commandDefinitionsJSON: /strike, /strike-digest, /strike-editor', () => {
  const [strike, digest, editor] = commandDefinitionsJSON(testContext());
  const subsOf = (c: typeof digest) => (c!.options ?? []) as Option[];
  const optionsOf = (c: typeof digest, sub: string) => subsOf(c).find((s) => s.name === sub)!.options ?? [];

  it('registers three top-level commands', () => {
    expect([strike, digest, editor].map((c) => c!.name)).toEqual(['strike', 'strike-digest', 'strike-editor']);
  });

  it('/strike-digest is for members who can manage channels, in servers, with a time and an autocompleted zone', () => {
    expect(digest!.default_member_permissions).toBe(String(PermissionFlagsBits.ManageChannels));
    expect(digest!.contexts).toEqual([InteractionContextType.Guild]);
    expect(subsOf(digest).map((s) => s.name)).toEqual(['subscribe', 'unsubscribe', 'preview', 'status']);
    expect(optionsOf(digest, 'subscribe')).toEqual([
      expect.objectContaining({ name: 'time', type: ApplicationCommandOptionType.String, max_length: 8 }),
      expect.objectContaining({ name: 'zone', type: ApplicationCommandOptionType.String, autocomplete: true }),
    ]);
  });

  it('/strike-editor is hidden until admins grant it, with typed ids, flags and a 3-300 character reason', () => {
    expect(editor!.default_member_permissions).toBe('0');
    expect(subsOf(editor).map((s) => s.name)).toEqual(['update', 'new', 'settle', 'correct', 'verify', 'log']);
    expect(optionsOf(editor, 'update')).toEqual([expect.objectContaining({ name: 'unverified', type: ApplicationCommandOptionType.Boolean })]);
    const [id, action, reason] = optionsOf(editor, 'correct');
    expect(id).toMatchObject({ name: 'id', type: ApplicationCommandOptionType.Integer, required: true, min_value: 1 });
    expect(action).toMatchObject({ name: 'action', required: true, choices: [{ name: 'amend', value: 'amend' }, { name: 'retract', value: 'retract' }] });
    expect(reason).toMatchObject({ name: 'reason', type: ApplicationCommandOptionType.String, required: true, min_length: 3, max_length: 300 });
    expect(optionsOf(editor, 'verify')).toEqual([expect.objectContaining({ name: 'id', type: ApplicationCommandOptionType.Integer, required: true })]);
  });

  it('keeps every description within Discord’s 100 characters', () => {
    const walk = (o: Option): string[] => [o.description, ...(o.options ?? []).flatMap(walk)];
    for (const c of [strike, digest, editor]) {
      for (const d of [c!.description, ...subsOf(c).flatMap(walk)]) {
        expect(d.length).toBeGreaterThan(0);
        expect(d.length).toBeLessThanOrEqual(100);
      }
    }
  });
});
