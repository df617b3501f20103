import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_TTL_MS } from '../../src/store/share-tokens.js';
import { STORAGE_TEXT } from '../../src/core/reply/storage-reply.js';
import { FAKE_ROUTES, type RecordedCall } from '../fakes/discord-fake.js';
import { buttonInteraction, FAKE_IDS, slashInteraction, type FakePlace } from '../fakes/discord-fake-payloads.js';
import { callbackOf, originalEditOf, startBotUnderTest, TEST_NOW, type BotUnderTest } from './bot-harness.js';
import { TEST_EXTENSIONS } from './test-extensions.js';

let t: BotUnderTest;
// The bot's own clock (Share expiry, claims); tests move it forward.
let now = new Date(TEST_NOW);
beforeAll(async () => {
  t = await startBotUnderTest(TEST_EXTENSIONS, [], { clock: () => now });
});
afterAll(async () => {
  await t?.close();
});

/** Sends /strike <sub> and returns the edit that completed it. */
async function run(sub: string, options: Record<string, string> = {}) {
  const interaction = slashInteraction(sub, options);
  t.fake.dispatch('INTERACTION_CREATE', interaction);
  return { interaction, edit: await originalEditOf(t.fake, interaction) };
}

function shareButtonOf(call: RecordedCall): string | undefined {
  return call.body.components?.[0]?.components?.[0]?.custom_id;
}

describe('Share in channel', () => {
  async function press(customId: string, place: FakePlace = {}) {
    const interaction = buttonInteraction(customId, place);
    t.fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await callbackOf(t.fake, interaction);
    return { interaction, callback };
  }

  function sharedPostOf(interaction: { token: string }) {
    return t.fake.waitForCall((c) => c.route === FAKE_ROUTES.followUp && c.params.token === interaction.token, `the public post for token ${interaction.token}`);
  }

  /** Public "Shared by" posts so far (follow-ups without the ephemeral flag). */
  const publicPosts = () => t.fake.calls.filter((c) => c.route === FAKE_ROUTES.followUp && ((c.body?.flags ?? 0) & MessageFlags.Ephemeral) === 0 && String(c.body?.content ?? '').startsWith('Shared by'));

  function expectPrivateRefusal(callback: RecordedCall, text: RegExp) {
    expect(callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
    expect(callback.body.data.content).toMatch(text);
  }

  it('posts the same answer publicly, saying who shared it, without pinging them, and marks the button used', async () => {
    const original = await run('proposal', { name: 'mini rooms' });
    const customId = shareButtonOf(original.edit)!;
    const { interaction, callback } = await press(customId);
    // Acknowledged without a new message; the answer goes out as a follow-up with no ephemeral flag.
    expect(callback.body).toEqual({ type: InteractionResponseType.DeferredMessageUpdate });
    const shared = await sharedPostOf(interaction);
    expect(shared.body.flags ?? 0).toBe(0);
    expect(shared.body.content).toBe(`Shared by <@${FAKE_IDS.member}>`);
    expect(shared.body.allowed_mentions).toEqual({ parse: [] });
    expect(shared.body.embeds).toEqual(original.edit.body.embeds);
    expect(shared.body.components).toEqual([]);
    // Then the private copy's button is disabled, after the public post.
    const marked = await originalEditOf(t.fake, interaction);
    expect(marked.seq).toBeGreaterThan(shared.seq);
    expect(marked.body.components[0].components[0]).toMatchObject({ disabled: true, label: 'Shared in channel' });
    expect(marked.body.embeds).toBeUndefined();
  });

  it('shares a long question, stored under its token', async () => {
    const long = `${'why '.repeat(40)}?`;
    const original = await run('echo', { text: long });
    const customId = shareButtonOf(original.edit)!;
    expect(customId.length).toBeLessThanOrEqual(100);
    const { interaction } = await press(customId);
    const shared = await sharedPostOf(interaction);
    expect(shared.body.embeds[0].description).toBe(long.trim());
  });

  it('posts once when the same click is delivered three times', async () => {
    const original = await run('echo', { text: 'replayed click' });
    const before = publicPosts().length;
    const click = buttonInteraction(shareButtonOf(original.edit)!);
    for (let i = 0; i < 3; i++) t.fake.dispatch('INTERACTION_CREATE', click);
    await originalEditOf(t.fake, click);
    // A later interaction is answered after the replays were handled (the gateway delivers in order).
    await run('status');
    expect(publicPosts().length - before).toBe(1);
    expect(t.fake.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.params.id === click.id)).toHaveLength(1);
  });

  it('posts once on a double click, and tells the second click it is already shared', async () => {
    const original = await run('echo', { text: 'double click' });
    const customId = shareButtonOf(original.edit)!;
    const before = publicPosts().length;
    const first = await press(customId);
    const second = await press(customId);
    await sharedPostOf(first.interaction);
    expectPrivateRefusal(second.callback, /already shared/);
    expect(publicPosts().length - before).toBe(1);
  });

  it('lets only the asker share their answer', async () => {
    const original = await run('echo', { text: 'my question' });
    const before = publicPosts().length;
    const { callback } = await press(shareButtonOf(original.edit)!, { actor: 'steward' });
    expectPrivateRefusal(callback, /Only the person who asked/);
    expect(publicPosts().length - before).toBe(0);
  });

  it('says the button has expired, privately, for an unknown, old-style or expired id', async () => {
    for (const stale of ['strike-share#zzzzzzzzzzzzzzzzzzzzzz', 'strike-share#0', 'strike-share:proposal:mini rooms']) {
      expectPrivateRefusal((await press(stale)).callback, /^This button has expired\. Ask again to get a fresh one\.$/);
    }
    const original = await run('echo', { text: 'ask me later' });
    now = new Date(now.getTime() + SHARE_TTL_MS + 1000);
    const before = publicPosts().length;
    expectPrivateRefusal((await press(shareButtonOf(original.edit)!)).callback, /has expired/);
    expect(publicPosts().length - before).toBe(0);
  });
});

describe('a read-only database', () => {
  it('still answers /strike, without a Share button, and says so plainly when a Share press cannot be recorded', async () => {
    const original = await run('echo', { text: 'before the disk went read-only' });
    t.store.sqlite!.pragma('query_only = ON');
    try {
      const answered = await run('status');
      expect(answered.edit.body.embeds[0].title).toContain(t.ctx.knowledge.dispute.title);
      expect(answered.edit.body.components).toEqual([]);
      const press = buttonInteraction(shareButtonOf(original.edit)!);
      t.fake.dispatch('INTERACTION_CREATE', press);
      const callback = await callbackOf(t.fake, press);
      expect(callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      expect(callback.body.data.content).toBe(STORAGE_TEXT['read-only'].text);
    } finally {
      t.store.sqlite!.pragma('query_only = OFF');
    }
  });
});

