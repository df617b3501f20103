/**
 * Discord interaction latency: INTERACTION_CREATE dispatched through the fake gateway to a real discord.js
 * client, timed until the fake receives the interaction callback (what Discord's 3-second deadline measures).
 * Strikewire's bot and a bare client that answers a constant run side by side, interleaved, in one process.
 */
import { performance } from 'node:perf_hooks';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.js';
import { createDiscordBot } from '../src/bots/discord/discord-bot.js';
import { silentLogger } from '../src/bots/discord/discord-logger.js';
import { WGA_2023_PACK_DIR } from '../src/content/packs.js';
import { loadContext } from '../src/core/create-context.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord } from '../test/fakes/discord-fake.js';
import { slashInteraction } from '../test/fakes/discord-fake-payloads.js';
import { percentile } from './percentile.js';
import type { BenchSuite } from './run.js';

const WARM_UP = 100;
const MEASURED = 1000;
const TARGET_RATIO = 1.25;
// @discordjs/rest caps every client at 50 requests a second, interaction callbacks included. Back to back, that
// cap (not the code under test) would set the figures, so both clients get the same, higher one here.
const REST_OPTIONS = { globalRequestsPerSecond: 100_000 };
// The subcommands a member is likely to use, in rotation.
const COMMANDS: [string, Record<string, string>][] = [
  ['status', {}],
  ['proposals', {}],
  ['proposal', { name: 'mini rooms' }],
  ['who', { name: 'Carol Lombardini' }],
  ['timeline', {}],
  ['ask', { question: 'Where do the talks stand?' }],
  ['sources', {}],
  ['help', {}],
];

interface Sample {
  callback: number;
  complete: number;
}

/** Dispatches one /strike interaction and times the callback, and the final answer when `waitForEdit`. */
async function timeOne(fake: FakeDiscord, i: number, waitForEdit: boolean): Promise<Sample> {
  const [sub, options] = COMMANDS[i % COMMANDS.length]!;
  const interaction = slashInteraction(sub, options);
  const start = performance.now();
  fake.dispatch('INTERACTION_CREATE', interaction);
  const callback = await fake.waitForCall((c) => c.route === FAKE_ROUTES.callback && c.params.id === interaction.id, `callback ${i}`);
  if (!waitForEdit) return { callback: callback.at - start, complete: callback.at - start };
  // The next interaction starts only once this answer is out, so each is timed on an idle client.
  const edit = await fake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === interaction.token, `edit ${i}`);
  return { callback: callback.at - start, complete: edit.at - start };
}

const ms = (v: number) => `${v.toFixed(2)} ms`;

const suite: BenchSuite = {
  name: 'discord',
  async run() {
    const botFake = await startFakeDiscord();
    const bareFake = await startFakeDiscord();
    const ctx = loadContext(WGA_2023_PACK_DIR);
    // Share buttons are stored, as in production: a real database file.
    const dir = mkdtempSync(join(tmpdir(), 'bench-discord-'));
    const store = await openStore({ databasePath: join(dir, 'strikewire.db') });
    const bot = createDiscordBot(ctx, { token: 'bench.bot.token', apiUrl: botFake.apiUrl, logger: silentLogger, rest: REST_OPTIONS, store });
    const bare = new Client({ intents: [GatewayIntentBits.Guilds], allowedMentions: { parse: [] }, rest: { ...REST_OPTIONS, api: bareFake.apiUrl } });
    bare.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    try {
      const bareReady = once(bare, Events.ClientReady);
      await Promise.all([bot.start(), bare.login('bench.bare.token').then(() => bareReady)]);

      const botSamples: Sample[] = [];
      const bareSamples: Sample[] = [];
      for (let i = 0; i < WARM_UP + MEASURED; i++) {
        // Alternate who goes first so neither always runs right after the other's garbage.
        const pair = i % 2 === 0 ? [true, false] : [false, true];
        for (const isBot of pair) {
          const sample = isBot ? await timeOne(botFake, i, true) : await timeOne(bareFake, i, false);
          if (i >= WARM_UP) (isBot ? botSamples : bareSamples).push(sample);
        }
      }

      const botCallbacks = botSamples.map((s) => s.callback);
      const bareCallbacks = bareSamples.map((s) => s.callback);
      const ratio = percentile(botCallbacks, 99) / percentile(bareCallbacks, 99);
      console.log(`${MEASURED} interactions each (after ${WARM_UP} warm-up), dispatch -> interaction callback:`);
      console.log(`  strikewire bot : p50 ${ms(percentile(botCallbacks, 50))}  p99 ${ms(percentile(botCallbacks, 99))}`);
      console.log(`  bare client    : p50 ${ms(percentile(bareCallbacks, 50))}  p99 ${ms(percentile(bareCallbacks, 99))}`);
      console.log(`  p99 ratio bot/bare: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'})`);
      const complete = botSamples.map((s) => s.complete);
      console.log(`  strikewire dispatch -> answer in @original: p50 ${ms(percentile(complete, 50))}  p99 ${ms(percentile(complete, 99))}`);
    } finally {
      await Promise.allSettled([bot.stop(), bare.destroy()]);
      await Promise.allSettled([botFake.close(), bareFake.close()]);
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
