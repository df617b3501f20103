import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../src/bots/discord/discord-bot.js';
import { DRAFT_MENU_NAME } from '../../src/bots/discord/draft-menu-command.js';
import { createFormInteractionHandler } from '../../src/bots/discord/handle-editor-forms.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { createFormCommands } from '../../src/core/forms/form-commands.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openEditorService } from '../../src/editors/editor-service.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { fillModal, messageCommandInteraction } from '../fakes/discord-fake-modals.js';
import { buttonInteraction, FAKE_IDS, commandInteraction } from '../fakes/discord-fake-payloads.js';
import { AUG_12, PACK } from '../editors/support.js';
import { answerOf, buttons, callback, fillForm, modalFrom, send } from './discord-form-driver.js';
import { RecordingDesk } from './recording-desk.js';

interface World {
  fake: FakeDiscord;
  bot: DiscordBot;
  db: Store;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
  desk: RecordingDesk;
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
  const clock = fixedClock(AUG_12);
  const editors = openEditorService(db, { pack: PACK, clock, log: () => undefined });
  const desk = new RecordingDesk(editors.desk);
  const ctx = contextFromPack(PACK, { clock, extensions: [...editors.commands, ...createFormCommands(desk)] });
  await editors.desk.reload(ctx);
  const fake = await startFakeDiscord();
  const interceptor = createFormInteractionHandler({ ctx, desk, editors: [FAKE_IDS.stewardRole], claims: new InteractionClaims(db) });
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const bot = createDiscordBot(ctx, { token: 'fake.bot.token', apiUrl: fake.apiUrl, logger: quiet, store: db, rest: { timeout: 5000, retries: 1 }, interceptors: [interceptor] });
  await bot.start();
  return { fake, bot, db, drop: opened.close, desk, ctx };
}

const WIRE = { 'source.outlet': 'Harbor Labor Wire', 'source.title': 'Guild adds a deputy negotiator', 'source.kind': 'press' };

describe('Discord: the editors’ forms', () => {
  it('/strike new person opens pages of labelled selects and text inputs, and the last page saves the patch', async () => {
    world = await start();
    const first = await modalFrom(world, send(world, commandInteraction('strike-editor', 'new', { kind: 'person' }, { actor: 'steward' })));
    expect(first.title).toBe('New person (1 of 3)');
    const party = first.inputs.find((i) => i.key === 'party')!;
    expect(party.type).toBe(3);
    expect(party.options.map((o) => o.value)).toEqual([...world.ctx.knowledge.parties.keys()]);
    const last = await fillForm(world, first, { name: 'Dana Okafor', party: 'wga', role: 'Deputy negotiator', ...WIRE, flags: ['unverified'] });
    await answerOf(world, last, 'Patch #1 saved');
    expect(world.desk.stored).toHaveLength(1);
    expect(world.desk.stored[0]!.author).toBe(`discord:${FAKE_IDS.steward}`);
    expect(world.desk.stored[0]!.submission.unverified).toBe(true);
    expect(world.desk.stored[0]!.submission.patch.people![0]).toMatchObject({ id: 'dana-okafor', party: 'wga' });
  });

  it('names a problem with its input and page, and Fix it reopens that page with what was entered', async () => {
    world = await start();
    const first = await modalFrom(world, send(world, commandInteraction('strike-editor', 'new', { kind: 'person' }, { actor: 'steward' })));
    const last = await fillForm(world, first, { name: 'Dana Okafor', party: 'wga', role: 'Deputy negotiator' });
    const answer = await answerOf(world, last, 'New source: outlet');
    expect(JSON.stringify(answer.body)).toContain('every fact needs a source');
    const [fix] = buttons(answer, 'open');
    const reopened = await modalFrom(world, send(world, buttonInteraction(fix!, { actor: 'steward' })));
    // The new source's outlet is on the second page: that page reopens, and once fixed it submits the whole form.
    expect(reopened.title).toBe('New person (2 of 3)');
    expect(reopened.inputs.map((i) => i.key)).toContain('source.outlet');
    const fixed = send(world, fillModal(reopened, WIRE, { actor: 'steward' }));
    await answerOf(world, fixed, 'Patch #1 saved');
    expect(world.desk.stored).toHaveLength(1);
    expect(world.desk.stored[0]!.submission.patch.people![0]).toMatchObject({ name: 'Dana Okafor', role: 'Deputy negotiator' });
  });

  it('a modal submission delivered twice stores once, and the repeat says so', async () => {
    world = await start();
    const first = await modalFrom(world, send(world, commandInteraction('strike-editor', 'new', { kind: 'person' }, { actor: 'steward' })));
    const values = { name: 'Dana Okafor', party: 'wga', role: 'Deputy negotiator', ...WIRE };
    let modal = first;
    for (let page = 1; page < 3; page++) {
      const kept = await answerOf(world, send(world, fillModal(modal, values, { actor: 'steward' })), 'kept');
      modal = await modalFrom(world, send(world, buttonInteraction(buttons(kept, 'open')[0]!, { actor: 'steward' })));
    }
    const last = fillModal(modal, values, { actor: 'steward' });
    await answerOf(world, send(world, last), 'Patch #1 saved');
    await answerOf(world, send(world, last), 'Already submitted');
    expect(world.desk.stored).toHaveLength(1);
  });

  it('settle confirms before storing, and a double click on Confirm stores once', async () => {
    world = await start();
    const first = await modalFrom(world, send(world, commandInteraction('strike-editor', 'settle', { name: 'mini rooms' }, { actor: 'steward' })));
    expect(first.inputs.find((i) => i.key === 'proposal')!.options.find((o) => o.default)?.value).toBe('tv-minimum-staffing');
    const last = await fillForm(world, first, { status: 'withdrawn', outcome: 'Left out of the final deal.', date: '2023-08-11', ...WIRE });
    const confirm = await answerOf(world, last, 'Confirm this change');
    const [ok] = buttons(confirm, 'ok');
    const a = send(world, buttonInteraction(ok!, { actor: 'steward' }));
    const b = send(world, buttonInteraction(ok!, { actor: 'steward' }));
    await answerOf(world, a, 'saved');
    await answerOf(world, b, 'already confirmed');
    expect(world.desk.stored).toHaveLength(1);
  });

  it('refuses a non-editor privately on every form and the message command, with no modal and nothing stored', async () => {
    world = await start();
    for (const [sub, options] of [['new', { kind: 'proposal' }], ['new', { kind: 'person' }], ['new', { kind: 'party' }], ['settle', {}]] as const) {
      const i = send(world, commandInteraction('strike-editor', sub, options, { actor: 'member' }));
      const cb = await callback(world, i);
      expect(cb.body.type).toBe(5);
      expect(cb.body.data.flags).toBe(64);
      await answerOf(world, i, 'Only editors');
    }
    const menu = send(world, messageCommandInteraction(DRAFT_MENU_NAME, 'The AMPTP rejected the staffing plan.', { actor: 'member' }));
    expect((await callback(world, menu)).body.data.flags).toBe(64);
    await answerOf(world, menu, 'Only editors');
    expect(world.fake.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.body.type === 9)).toHaveLength(0);
    expect(world.desk.stored).toHaveLength(0);
  });

  it('the message command drafts the update form: evidence privately, then the prefilled pages', async () => {
    world = await start();
    const text = 'LOS ANGELES, Aug. 11, 2023 (Harbor Labor Wire) - Carol Lombardini said the AMPTP rejected the guild’s minimum staffing plan again at Friday’s session with the WGA.';
    const menu = send(world, messageCommandInteraction(DRAFT_MENU_NAME, text, { actor: 'steward' }));
    const note = await answerOf(world, menu, 'for you only');
    const [open] = buttons(note, 'open');
    const first = await modalFrom(world, send(world, buttonInteraction(open!, { actor: 'steward' })));
    expect(first.title).toMatch(/^New update \(1 of \d+\)$/);
    expect(first.inputs.find((i) => i.key === 'date')!.value).toBe('2023-08-11');
    expect(first.inputs.find((i) => i.key === 'what')!.value).toBeUndefined();
  });
});
