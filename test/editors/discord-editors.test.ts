import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../src/bots/discord/discord-bot.js';
import { createEditorInteractionHandler } from '../../src/bots/discord/handle-editor-interactions.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { EditorUpdateSchema } from '../../src/core/updates/update-schema.js';
import { formatUpdateTextForm, type UpdateTextForm } from '../../src/core/updates/update-text-form.js';
import { openEditorService, type EditorService } from '../../src/editors/editor-service.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { countRows, refusalCount } from './store-rows.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord, type RecordedCall } from '../fakes/discord-fake.js';
import { buttonInteraction, commandInteraction, FAKE_IDS, slashInteraction, type FakeActor } from '../fakes/discord-fake-payloads.js';
import { modalSubmitInteraction } from './discord-editor-payloads.js';
import { AUG_12, PACK, meetingUpdate } from './support.js';

interface World {
  fake: FakeDiscord;
  bot: DiscordBot;
  db: Store;
  editors: EditorService;
  ctx: CommandContext;
  logs: string[];
  stop(): Promise<void>;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
}

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  await world?.bot.stop();
  await world?.fake.close();
  await world?.drop();
  world = undefined;
});

async function start(): Promise<World> {
  const opened = await openTestStore('sqlite');
  const db = opened.store;
  const clock = fixedClock(AUG_12);
  const logs: string[] = [];
  const editors = openEditorService(db, { pack: PACK, clock, log: (m) => logs.push(m) });
  const ctx = contextFromPack(PACK, { clock, extensions: editors.commands });
  const running = await editors.start(ctx);
  const fake = await startFakeDiscord();
  // Stewards hold the editors' role in the fake server.
  const interceptor = createEditorInteractionHandler({ ctx, desk: editors.desk, editors: [FAKE_IDS.stewardRole], claims: new InteractionClaims(db) });
  const logger = { debug: () => {}, info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  const bot = createDiscordBot(ctx, { token: 'fake.bot.token', apiUrl: fake.apiUrl, logger, rest: { timeout: 5000, retries: 1 }, interceptors: [interceptor], store: db, clock });
  await bot.start();
  return { fake, bot, db, editors, ctx, logs, stop: running.stop, drop: opened.close };
}

type Interaction = { id: string; token: string };

const callback = (w: World, i: Interaction) => w.fake.waitForCall((c) => c.route === FAKE_ROUTES.callback && c.params.id === i.id, `the callback for ${i.id}`);
// The answer to an interaction: the last edit of @original once it carries embeds.
const answerOf = (w: World, i: Interaction, contains: string) =>
  w.fake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === i.token && JSON.stringify(c.body).includes(contains), `an answer to ${i.id} containing “${contains}”`);

function send<T extends Interaction>(w: World, interaction: T): T {
  w.fake.dispatch('INTERACTION_CREATE', interaction);
  return interaction;
}

const slash = (w: World, sub: string, options: Record<string, string> = {}, actor: FakeActor = 'member') => send(w, slashInteraction(sub, options, { actor }));
/** /strike-editor <sub> with typed options. */
const editor = (w: World, sub: string, options: Record<string, string | number | boolean> = {}, actor: FakeActor = 'member') => send(w, commandInteraction('strike-editor', sub, options, { actor }));
const rows = (w: World, table: 'updates') => countRows(w.db, table);
const customIds = (call: RecordedCall): string[] => JSON.stringify(call.body).match(/sw-ed:[a-z]+:[A-Za-z0-9]+/g) ?? [];

/** Runs /strike update as an editor and returns the modal callback Discord received. */
async function openModal(w: World, actor: FakeActor = 'steward'): Promise<RecordedCall> {
  const i = editor(w, 'update', {}, actor);
  const cb = await callback(w, i);
  expect(cb.body.type).toBe(9);
  return cb;
}

const modalId = (cb: RecordedCall) => cb.body.data.custom_id as string;

async function submitModal(w: World, customId: string, values: Partial<UpdateTextForm>, actor: FakeActor = 'steward') {
  return send(w, modalSubmitInteraction(customId, values, { actor }));
}

const packContext = contextFromPack(PACK);
const form = (overrides: Parameters<typeof meetingUpdate>[0] = {}) => formatUpdateTextForm(EditorUpdateSchema.parse(meetingUpdate(overrides)), packContext);

describe('Discord: editors keep the knowledge current', () => {
  it('an editor opens the modal, submits, confirms the stance change, and status and ask reflect it', async () => {
    world = await start();
    const modal = await openModal(world);
    expect(JSON.stringify(modal.body.data.components)).toContain('Headline, then what happened');
    expect(modal.body.data.components).toHaveLength(5);

    const submitted = await submitModal(world, modalId(modal), form());
    const confirm = await answerOf(world, submitted, 'Confirm this change');
    expect(JSON.stringify(confirm.body)).toContain('AMPTP has countered (from Aug 11, 2023)');
    const [ok] = customIds(confirm).filter((id) => id.startsWith('sw-ed:ok:'));
    expect(await rows(world, 'updates')).toBe(0);

    const click = send(world, buttonInteraction(ok!, { actor: 'steward' }));
    expect((await callback(world, click)).body.type).toBe(6);
    await answerOf(world, click, 'Update #1 saved');

    const status = slash(world, 'status');
    expect(JSON.stringify((await answerOf(world, status, 'Open proposals')).body)).toContain('AMPTP has countered');
    const ask = slash(world, 'ask', { question: 'what did the amptp offer on mini rooms at the aug 11 meeting?' });
    await answerOf(world, ask, 'has countered');
  });

  it('refuses a non-editor privately without a modal, refuses a forged submission, and changes nothing', async () => {
    world = await start();
    const i = editor(world, 'update', {}, 'member');
    const cb = await callback(world, i);
    expect(cb.body.type).toBe(5);
    expect(cb.body.data.flags).toBe(64);
    await answerOf(world, i, 'Only editors can change what Strikewire says');
    const forged = await submitModal(world, 'sw-ed:form:forged', form({ stance: undefined }), 'member');
    await answerOf(world, forged, 'Only editors');
    const verify = editor(world, 'verify', { id: 1 }, 'member');
    await answerOf(world, verify, 'Only editors');
    expect(await rows(world, 'updates')).toBe(0);
    expect(await refusalCount(world.db)).toBe(3);
    expect(world.logs.join('\n')).not.toContain('fake.bot.token');
  });

  it.each([
    ['a missing source', { source: '' }, 'Source: every update needs a source'],
    ['an unknown proposal', { proposals: 'four day week' }, 'Proposals: no proposal called “four day week”'],
    ['a date in the future', { when: '2023-09-01' }, 'Date: Sept 1, 2023 is in the future'],
  ])('refuses %s naming the field, with a Fix it button that reopens the form as typed', async (_name, change, problem) => {
    world = await start();
    const submitted = await submitModal(world, modalId(await openModal(world)), { ...form({ stance: undefined }), ...change });
    const answer = await answerOf(world, submitted, 'The update was not saved');
    expect(JSON.stringify(answer.body)).toContain(problem);
    const [fix] = customIds(answer).filter((id) => id.startsWith('sw-ed:fix:'));
    const again = send(world, buttonInteraction(fix!, { actor: 'steward' }));
    const reopened = await callback(world, again);
    expect(reopened.body.type).toBe(9);
    expect(JSON.stringify(reopened.body.data.components)).toContain('WGA and AMPTP negotiators meet again');
    expect(await rows(world, 'updates')).toBe(0);
  });

  it('amends through the prefilled modal and shows editors the log, privately and without a Share button', async () => {
    world = await start();
    const saved = await submitModal(world, modalId(await openModal(world)), form({ stance: undefined }));
    await answerOf(world, saved, 'Update #1 saved');
    const amend = editor(world, 'correct', { id: 1, action: 'amend', reason: 'it was Thursday' }, 'steward');
    const modal = await callback(world, amend);
    expect(modal.body.type).toBe(9);
    expect(JSON.stringify(modal.body.data.components)).toContain('2023-08-11 met');
    const corrected = await submitModal(world, modal.body.data.custom_id as string, { ...form({ stance: undefined }), when: '2023-08-10 met' });
    await answerOf(world, corrected, 'Update #1 corrected');
    const log = editor(world, 'log', {}, 'steward');
    const answer = await answerOf(world, log, 'it was Thursday');
    expect(JSON.stringify(answer.body)).not.toContain('share');
    expect((await world.editors.store.get(1))?.update?.date).toBe('2023-08-10');
  });

  it('names the follow-up commands as Discord has them: /strike-editor …, never /strike correct or /strike log', async () => {
    world = await start();
    const saved = await answerOf(world, await submitModal(world, modalId(await openModal(world)), form({ stance: undefined })), 'Update #1 saved');
    expect(JSON.stringify(saved.body)).toContain('Correct it with /strike-editor correct 1 amend');
    const unknown = await answerOf(world, editor(world, 'verify', { id: 99 }, 'steward'), 'There is no update #99');
    expect(JSON.stringify(unknown.body)).toContain('See recent updates with /strike-editor log.');
    for (const answer of [saved, unknown]) expect(JSON.stringify(answer.body)).not.toMatch(/\/strike (correct|verify|log|update)/);
  });

  it('stores one update when the same form submission is delivered twice', async () => {
    world = await start();
    const submission = modalSubmitInteraction(modalId(await openModal(world)), form({ stance: undefined }), { actor: 'steward' });
    world.fake.dispatch('INTERACTION_CREATE', submission);
    world.fake.dispatch('INTERACTION_CREATE', submission);
    await answerOf(world, submission, 'Update #1 saved');
    // A later interaction is answered only after both deliveries were handled (events arrive in order).
    await answerOf(world, editor(world, 'log', {}, 'steward'), 'negotiators meet again');
    expect(await rows(world, 'updates')).toBe(1);
    expect(world.fake.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.params.id === submission.id)).toHaveLength(1);
  });

  it('lets only the editor who made a pending change cancel it; another member’s Cancel changes nothing', async () => {
    world = await start();
    const submitted = await submitModal(world, modalId(await openModal(world)), form());
    const confirm = await answerOf(world, submitted, 'Confirm this change');
    const [ok] = customIds(confirm).filter((id) => id.startsWith('sw-ed:ok:'));
    const [no] = customIds(confirm).filter((id) => id.startsWith('sw-ed:no:'));

    const intruder = send(world, buttonInteraction(no!, { actor: 'member' }));
    await answerOf(world, intruder, 'only the editor who made this change can cancel it');
    // Refused in a new private message, so the editor's own Confirm and Cancel stay where they are.
    expect((await callback(world, intruder)).body.type).toBe(5);

    // Confirm is checked the same way, before anything is acknowledged on the editor's message.
    const confirmIntruder = send(world, buttonInteraction(ok!, { actor: 'member' }));
    await answerOf(world, confirmIntruder, 'only the editor who made this change can confirm it');
    expect((await callback(world, confirmIntruder)).body.type).toBe(5);
    expect(await rows(world, 'updates')).toBe(0);

    const click = send(world, buttonInteraction(ok!, { actor: 'steward' }));
    await answerOf(world, click, 'Update #1 saved');
    expect(await rows(world, 'updates')).toBe(1);
  });

  it('cancels for the editor who made the change, once, even when the click is delivered twice', async () => {
    world = await start();
    const submitted = await submitModal(world, modalId(await openModal(world)), form());
    const confirm = await answerOf(world, submitted, 'Confirm this change');
    const [ok] = customIds(confirm).filter((id) => id.startsWith('sw-ed:ok:'));
    const [no] = customIds(confirm).filter((id) => id.startsWith('sw-ed:no:'));
    const cancel = buttonInteraction(no!, { actor: 'steward' });
    world.fake.dispatch('INTERACTION_CREATE', cancel);
    world.fake.dispatch('INTERACTION_CREATE', cancel);
    await answerOf(world, cancel, 'Nothing was saved');
    expect(world.fake.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.params.id === cancel.id)).toHaveLength(1);
    const late = send(world, buttonInteraction(ok!, { actor: 'steward' }));
    await answerOf(world, late, 'has expired');
    expect(await rows(world, 'updates')).toBe(0);
  });
});
