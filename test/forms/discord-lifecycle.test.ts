import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../src/bots/discord/discord-bot.js';
import { createFormInteractionHandler } from '../../src/bots/discord/handle-editor-forms.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { parseCommandText, runParsed } from '../../src/core/commands/registry.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { openEditorService } from '../../src/editors/editor-service.js';
import { openFormService } from '../../src/editors/form-service.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { buttonInteraction, FAKE_IDS, commandInteraction } from '../fakes/discord-fake-payloads.js';
import { answerOf, buttons, fillForm, modalFrom, send } from './discord-form-driver.js';

// The fictional ferry dispute of test/fixtures/forms-lifecycle, this time through the Discord forms.
const FICTION = loadPack(fileURLToPath(new URL('../fixtures/forms-lifecycle', import.meta.url)));

interface World {
  fake: FakeDiscord;
  bot: DiscordBot;
  db: Store;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
  ctx: CommandContext;
}

let world: World | undefined;
afterEach(async () => {
  await world?.bot.stop();
  await world?.fake.close();
  await world?.drop();
  world = undefined;
});

async function start(): Promise<World> {
  const opened = await openTestStore('sqlite');
  const db = opened.store;
  const clock = () => new Date('2024-04-23T09:00:00Z');
  const editors = openEditorService(db, { pack: FICTION, clock, log: () => undefined });
  const forms = openFormService(db, editors);
  const ctx = contextFromPack(FICTION, { clock, extensions: [...editors.commands, ...forms.commands] });
  await editors.desk.reload(ctx);
  const fake = await startFakeDiscord();
  const interceptor = createFormInteractionHandler({ ctx, desk: forms.desk, editors: [FAKE_IDS.stewardRole], claims: forms.claims });
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const bot = createDiscordBot(ctx, { token: 'fake.bot.token', apiUrl: fake.apiUrl, logger: quiet, store: db, rest: { timeout: 5000, retries: 1 }, interceptors: [interceptor] });
  await bot.start();
  return { fake, bot, db, drop: opened.close, ctx };
}

const say = async (w: World, text: string) => (await runParsed(w.ctx, parseCommandText(w.ctx, text), { platform: 'shell' })).fallbackText;
const BULLETIN = { 'source.outlet': 'Bay Bulletin', 'source.title': 'Ferry talks end in a tentative deal', 'source.kind': 'press', 'source.date': '2024-04-20' };

/** Opens a form with /strike <sub>, fills every page, confirms, and waits for the saved answer. */
async function viaForm(w: World, sub: string, options: Record<string, string>, values: Record<string, string | string[]>, change: string) {
  const first = await modalFrom(w, send(w, commandInteraction('strike-editor', sub, options, { actor: 'steward' })));
  const last = await fillForm(w, first, values);
  const confirm = await answerOf(w, last, 'Confirm this change');
  expect(JSON.stringify(confirm.body)).toContain(change);
  const [ok] = buttons(confirm, 'ok');
  await answerOf(w, send(w, buttonInteraction(ok!, { actor: 'steward' })), 'saved');
}

describe('the fictional ferry dispute through the Discord forms', () => {
  it('a new party, a deal with several stance changes and a quote, a settlement and the strike’s end', async () => {
    world = await start();
    const w = world;
    await viaForm(w, 'new', { kind: 'party' }, { name: 'Harbor Mediation Service', shortName: 'HMS', kind: 'government', side: 'neither', description: 'A city office that brings the sides together when talks stall.', ...BULLETIN }, 'Harbor Mediation Service');
    expect(await say(w, 'who HMS')).toContain('A city office that brings the sides together');

    await viaForm(w, 'update', {}, {
      title: 'Tentative deal reached', what: 'After a long session with the mediator the sides agreed on a deal, subject to a member vote.',
      date: '2024-04-20', participants: ['hfwu', 'hcfa', 'hms'], status: 'tentative-agreement', flags: ['contact'],
      'stance1.party': 'hcfa', 'stance1.stance': 'accepts', 'stance1.proposals': ['rest-breaks'],
      'stance2.party': 'hfwu', 'stance2.stance': 'accepts', 'stance2.proposals': ['rest-breaks'],
      'quote1.speaker': 'mara-quill', 'quote1.text': 'This deal keeps crews rested.', ...BULLETIN,
    }, 'Tentative agreement');
    expect(await say(w, 'status')).toContain('Tentative agreement');
    expect(await say(w, 'proposal rest breaks')).toMatch(/Ferry Authority accepts/);
    expect(await say(w, 'who Mara Quill')).toContain('This deal keeps crews rested.');

    await viaForm(w, 'settle', { name: 'rest breaks' }, { status: 'agreed', outcome: 'Crews get twenty minutes ashore after every two crossings.', date: '2024-04-20', ...BULLETIN }, 'agreed');
    expect(await say(w, 'proposal rest breaks')).toContain('twenty minutes ashore');

    await viaForm(w, 'update', {}, { title: 'Boats run again', what: 'Crews went back to work while members vote on the deal.', date: '2024-04-22', status: 'strike-ended', 'source.existing': 'bay-bulletin-2024-02-15' }, 'Strike over, ratification pending');
    expect(await say(w, 'status')).toContain('Strike over, ratification pending');
    const authors = await w.db.db.selectFrom('updates').select('author').distinct().where('kind', '=', 'patch').execute();
    expect(authors).toEqual([{ author: `discord:${FAKE_IDS.steward}` }]);
  });
});
