import { GatewayIntentBits, InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_COLORS } from '../../src/bots/discord/render-embeds.js';
import { POSTED_PUBLICLY_NOTE } from '../../src/bots/discord/interaction-replies.js';
import type { InteractionInterceptor } from '../../src/bots/discord/handler-context.js';
import { limitViolations } from '../../src/bots/discord/discord-limits.js';
import { FAKE_ROUTES, type RecordedCall } from '../fakes/discord-fake.js';
import { autocompleteInteraction, commandInteraction, FAKE_IDS, slashGroupInteraction, slashInteraction, type FakePlace } from '../fakes/discord-fake-payloads.js';
import { callbackOf, followUpsOf, originalEditOf, startBotUnderTest, type BotUnderTest } from './bot-harness.js';
import { TEST_EXTENSIONS } from './test-extensions.js';

/** Claims "/strike echo text:claim me" the way the editors' form handler claims its commands. */
const claimEcho: InteractionInterceptor = async (interaction) => {
  if (!interaction.isChatInputCommand() || interaction.options.getString('text') !== 'claim me') return false;
  await interaction.reply({ content: 'claimed', flags: MessageFlags.Ephemeral });
  return true;
};

let t: BotUnderTest;
beforeAll(async () => {
  t = await startBotUnderTest(TEST_EXTENSIONS, [claimEcho]);
});
afterAll(async () => {
  await t?.close();
});

/** Sends /strike <sub> and returns the deferral callback and the edit that completed it. */
async function run(sub: string, options: Record<string, string> = {}, place: FakePlace = {}) {
  const interaction = slashInteraction(sub, options, place);
  t.fake.dispatch('INTERACTION_CREATE', interaction);
  const callback = await callbackOf(t.fake, interaction);
  const edit = await originalEditOf(t.fake, interaction);
  return { interaction, callback, edit };
}

function expectDeferredEphemeral(callback: RecordedCall): void {
  expect(callback.body).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } });
}

function firstEmbed(call: RecordedCall) {
  return call.body.embeds[0] as { title?: string; description?: string; color?: number; fields?: { name: string; value: string }[] };
}

function shareButtonOf(call: RecordedCall): string | undefined {
  return call.body.components?.[0]?.components?.[0]?.custom_id;
}

describe('log-in', () => {
  it('identifies with only the intents it uses, none privileged, and registers no commands at start-up', () => {
    const wanted = GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.DirectMessages;
    expect(t.fake.identifies).toEqual([{ token: 'fake.bot.token', intents: wanted, othersOpen: 0 }]);
    expect(t.fake.calls.filter((c) => c.method === 'PUT' || c.route.includes('/commands'))).toEqual([]);
  });
});

describe('/strike subcommands', () => {
  const cases: [string, Record<string, string>, (title: string) => boolean][] = [
    ['status', {}, (title) => title.startsWith(t.ctx.knowledge.dispute.title)],
    ['proposals', {}, (title) => title.length > 0],
    ['proposal', { name: 'mini rooms' }, (title) => title === 'Minimum staffing in episodic TV'],
    ['timeline', {}, (title) => title === 'Timeline'],
    ['who', { name: 'Carol Lombardini' }, (title) => title === 'Carol Lombardini'],
    ['who', { name: 'the studios' }, (title) => title.includes('AMPTP')],
    ['ask', { question: 'Where do the talks stand?' }, (title) => title.length > 0],
    ['sources', {}, (title) => title === 'Sources'],
    ['help', {}, (title) => title.startsWith('Strikewire')],
  ];

  it.each(cases)('%s %o: deferred ephemeral, then @original edited with embeds within limits', async (sub, options, titleOk) => {
    const { callback, edit, interaction } = await run(sub, options);
    expectDeferredEphemeral(callback);
    expect(callback.seq).toBeLessThan(edit.seq);
    // The callback carries no token-bearing auth; the edit goes to this interaction's webhook.
    expect(edit.params).toMatchObject({ app: FAKE_IDS.application, token: interaction.token, message: '@original' });
    expect(titleOk(firstEmbed(edit).title ?? '')).toBe(true);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    for (const call of [edit, ...followUpsOf(t.fake, interaction)]) expect(limitViolations({ embeds: call.body.embeds, content: call.body.content })).toEqual([]);
    // An opaque, stored token: nothing in it names the question or can be guessed.
    if (sub !== 'ask') expect(shareButtonOf(edit)).toMatch(/^strike-share#[A-Za-z0-9_-]{22}$/);
  });

  it('routes /strike-digest to the digest command with its options in order, without a Share button', async () => {
    const interaction = commandInteraction('strike-digest', 'subscribe', { time: '08:30', zone: 'Europe/London' });
    t.fake.dispatch('INTERACTION_CREATE', interaction);
    expectDeferredEphemeral(await callbackOf(t.fake, interaction));
    const edit = await originalEditOf(t.fake, interaction);
    expect(edit.body.embeds[0].description).toBe('action: subscribe 08:30 Europe/London');
    expect(edit.body.components).toEqual([]);
  });

  it('runs a subscribe delivered twice once, keyed on the interaction id', async () => {
    const before = t.fake.calls.filter((c) => c.route === FAKE_ROUTES.editOriginal && JSON.stringify(c.body).includes('action: subscribe 07:00')).length;
    const interaction = commandInteraction('strike-digest', 'subscribe', { time: '07:00' });
    t.fake.dispatch('INTERACTION_CREATE', interaction);
    t.fake.dispatch('INTERACTION_CREATE', interaction);
    await originalEditOf(t.fake, interaction);
    await run('status');
    expect(t.fake.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.params.id === interaction.id)).toHaveLength(1);
    expect(t.fake.calls.filter((c) => c.route === FAKE_ROUTES.editOriginal && JSON.stringify(c.body).includes('action: subscribe 07:00')).length - before).toBe(1);
  });

  it('points an old /strike digest … or /strike update registration to where the command went', async () => {
    const oldDigest = slashGroupInteraction('digest', 'subscribe', { time: '08:30' });
    t.fake.dispatch('INTERACTION_CREATE', oldDigest);
    expect(JSON.stringify((await originalEditOf(t.fake, oldDigest)).body)).toContain('Use /strike-digest instead');
    const oldUpdate = slashInteraction('update');
    t.fake.dispatch('INTERACTION_CREATE', oldUpdate);
    expect(JSON.stringify((await originalEditOf(t.fake, oldUpdate)).body)).toContain('Use /strike-editor update instead');
  });

  it('lets an interceptor answer first, before anything is deferred, and leaves the rest to /strike', async () => {
    const claimed = slashInteraction('echo', { text: 'claim me' });
    t.fake.dispatch('INTERACTION_CREATE', claimed);
    expect((await callbackOf(t.fake, claimed)).body).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'claimed' } });
    const passed = await run('echo', { text: 'not me' });
    expectDeferredEphemeral(passed.callback);
    // Handled once: one callback, no deferral, no edit.
    expect(t.fake.calls.filter((c) => c.params.token === claimed.token).map((c) => c.route)).toEqual([FAKE_ROUTES.callback]);
  });

  it('answers in a DM too, where there is no member', async () => {
    const { callback, edit } = await run('status', {}, { dm: true });
    expectDeferredEphemeral(callback);
    expect(firstEmbed(edit).title).toContain(t.ctx.knowledge.dispute.title);
  });

  it('declines an unknown proposal in grey, naming what was asked, with nothing to share', async () => {
    const { edit } = await run('proposal', { name: 'four-day week' });
    expect(firstEmbed(edit).title).toContain('four-day week');
    expect(firstEmbed(edit).color).toBe(EMBED_COLORS.declined);
    expect(edit.body.components).toEqual([]);
  });

  it('posts a reply the core marks for the channel publicly, leaving the asker a private note', async () => {
    const { callback, edit, interaction } = await run('announce', { text: 'Digest subscribed' });
    expectDeferredEphemeral(callback);
    expect(edit.body).toMatchObject({ content: POSTED_PUBLICLY_NOTE });
    const post = await t.fake.waitForCall((c) => c.route === FAKE_ROUTES.followUp && c.params.token === interaction.token, 'the public follow-up');
    expect(post.seq).toBeGreaterThan(edit.seq);
    expect(post.body.flags ?? 0).toBe(0);
    expect(post.body.embeds[0].description).toBe('Digest subscribed');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('apologizes by editing the deferred reply when the core fails', async () => {
    const { edit } = await run('boom');
    expect(edit.body.content).toMatch(/went wrong/);
    expect(edit.body.embeds).toEqual([]);
    expect(t.logs.some((l) => l.startsWith('error:') && l.includes('core exploded'))).toBe(true);
    expect(t.logs.join('\n')).not.toContain('itoken-');
  });

  it('tells the core whether the user may manage the channel, from their permissions there', async () => {
    const member = await run('whoami', {}, { actor: 'member' });
    expect(member.edit.body.embeds[0].title).toBe(`user ${FAKE_IDS.member} in ${FAKE_IDS.channel} on discord`);
    expect(member.edit.body.embeds[0].description).toBe('manage: no');
    const steward = await run('whoami', {}, { actor: 'steward', thread: true });
    expect(steward.edit.body.embeds[0].title).toBe(`user ${FAKE_IDS.steward} in ${FAKE_IDS.thread} on discord`);
    expect(steward.edit.body.embeds[0].description).toBe('manage: yes');
  });
});

describe('mentions cannot ping', () => {
  it('sends a question with @everyone and <@123> with allowed_mentions parse [] and the text neutralized', async () => {
    const hostile = '@everyone what about <@123> and <@&456>?';
    for (const [sub, options] of [['ask', { question: hostile }], ['proposal', { name: hostile }], ['echo', { text: hostile }]] as const) {
      const { edit, interaction } = await run(sub, options);
      for (const call of [edit, ...followUpsOf(t.fake, interaction)]) {
        expect(call.body.allowed_mentions).toEqual({ parse: [] });
        // What Discord shows: content and embeds (a button's custom_id is never displayed).
        const sent = JSON.stringify({ content: call.body.content, embeds: call.body.embeds });
        expect(sent).not.toContain('@everyone');
        expect(sent).not.toMatch(/(?<!\\\\)<@&?\d+>/);
      }
    }
  });
});

describe('autocomplete', () => {
  async function complete(sub: string, typed: string) {
    const interaction = autocompleteInteraction(sub, 'name', typed);
    t.fake.dispatch('INTERACTION_CREATE', interaction);
    const callback = await callbackOf(t.fake, interaction);
    expect(callback.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    return callback.body.data.choices as { name: string; value: string }[];
  }

  it('suggests proposals by name or alias', async () => {
    const choices = await complete('proposal', 'mini');
    expect(choices[0]?.value).toBe('Minimum staffing in episodic TV');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('suggests people and parties', async () => {
    expect((await complete('who', 'lomb'))[0]?.value).toBe('Carol Lombardini');
    expect((await complete('who', 'studios'))[0]?.value).toBe('AMPTP');
  });

  it('suggests time zones for /strike-digest subscribe zone:, city first', async () => {
    const interaction = autocompleteInteraction('subscribe', 'zone', 'new_y', {}, 'strike-digest');
    t.fake.dispatch('INTERACTION_CREATE', interaction);
    const choices = (await callbackOf(t.fake, interaction)).body.data.choices as { name: string; value: string }[];
    expect(choices[0]).toEqual({ name: 'America/New_York', value: 'America/New_York' });
    const london = autocompleteInteraction('subscribe', 'zone', 'lond', {}, 'strike-digest');
    t.fake.dispatch('INTERACTION_CREATE', london);
    expect(((await callbackOf(t.fake, london)).body.data.choices as { value: string }[])[0]?.value).toBe('Europe/London');
  });
});

describe('a 429 on an interaction edit', () => {
  it('is waited out and the edit delivered', async () => {
    t.fake.rateLimit(FAKE_ROUTES.editOriginal, { times: 1, retryAfterSeconds: 1 });
    const interaction = slashInteraction('status');
    t.fake.dispatch('INTERACTION_CREATE', interaction);
    const delivered = await t.fake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === interaction.token && c.status === 200, 'the retried edit');
    const attempts = t.fake.calls.filter((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === interaction.token);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(delivered.body).toEqual(attempts[0]!.body);
  });
});
