import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { FAKE_ROUTES } from '../fakes/discord-fake.js';
import { buttonInteraction, FAKE_IDS, slashInteraction, type FakePlace } from '../fakes/discord-fake-payloads.js';
import { callbackOf, originalEditOf, startBotUnderTest, testDatabasePath, type BotUnderTest } from './bot-harness.js';
import { TEST_EXTENSIONS } from './test-extensions.js';

// DATABASE_PATH, kept across the restart.
const file = testDatabasePath();
afterAll(() => file.remove());

async function ask(t: BotUnderTest, text: string, place: FakePlace): Promise<string> {
  const interaction = slashInteraction('echo', { text }, place);
  t.fake.dispatch('INTERACTION_CREATE', interaction);
  const edit = await originalEditOf(t.fake, interaction);
  return edit.body.components[0].components[0].custom_id as string;
}

async function press(t: BotUnderTest, customId: string, place: FakePlace) {
  const interaction = buttonInteraction(customId, place);
  t.fake.dispatch('INTERACTION_CREATE', interaction);
  return { interaction, callback: await callbackOf(t.fake, interaction) };
}

describe('Share buttons across a restart', () => {
  it('an old button still shares only its own asker’s question, never one asked after the restart', async () => {
    const before = await startBotUnderTest(TEST_EXTENSIONS, [], { databasePath: file.path });
    const old = await ask(before, 'asked before the restart', { actor: 'member' });
    await before.close();

    const after = await startBotUnderTest(TEST_EXTENSIONS, [], { databasePath: file.path });
    try {
      const fresh = await ask(after, 'asked after the restart', { actor: 'steward' });
      expect(fresh).not.toBe(old);

      const stranger = await press(after, old, { actor: 'steward' });
      expect(stranger.callback.body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
      expect(stranger.callback.body.data.content).toMatch(/Only the person who asked/);

      const owner = await press(after, old, { actor: 'member' });
      const post = await after.fake.waitForCall((c) => c.route === FAKE_ROUTES.followUp && c.params.token === owner.interaction.token, 'the shared post');
      expect(post.body.content).toBe(`Shared by <@${FAKE_IDS.member}>`);
      expect(post.body.embeds[0].description).toBe('asked before the restart');
    } finally {
      await after.close();
    }
  });
});
