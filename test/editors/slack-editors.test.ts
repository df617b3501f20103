import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEditorCheck } from '../../src/bots/slack/editor-check.js';
import { registerEditorTools } from '../../src/bots/slack/handle-editor-tools.js';
import { BLOCK, UPDATE_CONFIRM_ID, UPDATE_FORM_ID } from '../../src/bots/slack/update-modal-view.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { fixedClock } from '../../src/core/time/clock.js';
import type { EditorUpdateInput } from '../../src/core/updates/update-schema.js';
import { openEditorService, type EditorService } from '../../src/editors/editor-service.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { countRows, refusalCount } from './store-rows.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { BOT_TOKEN, startHttpHarness, type HttpHarness } from '../slack/harness.js';
import { formState, viewSubmission } from './slack-editor-payloads.js';
import { AUG_12, PACK, meetingUpdate } from './support.js';

interface World {
  h: HttpHarness;
  db: Store;
  editors: EditorService;
  ctx: CommandContext;
  stop(): Promise<void>;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
}

let world: World | undefined;
afterEach(async () => {
  await world?.stop();
  await world?.h.close();
  await world?.drop();
  world = undefined;
});

async function start(): Promise<World> {
  const opened = await openTestStore('sqlite');
  const db = opened.store;
  const clock = fixedClock(AUG_12);
  const editors = openEditorService(db, { pack: PACK, clock, log: () => undefined });
  const ctx = contextFromPack(PACK, { clock, extensions: editors.commands });
  const running = await editors.start(ctx);
  const editorCheck = createSlackEditorCheck(['U0EDITOR', 'S0EDITORS'], { clock });
  const h = await startHttpHarness({ ctx, app: { extend: (app) => registerEditorTools(app, { ctx, desk: editors.desk, editorCheck, admins: [] }) } });
  h.fake.respondWith('usergroups.users.list', (c) => ({ users: c.body.usergroup === 'S0EDITORS' ? ['U0GROUPED'] : [] }));
  return { h, db, editors, ctx, stop: running.stop, drop: opened.close };
}

let responseId = 0;
/** Runs /strike <text> and returns the text of the private answer posted to its response_url. */
async function strike(w: World, text: string, userId = 'U0MEMBER'): Promise<{ text: string; body: Record<string, unknown> }> {
  const id = `r${++responseId}`;
  const res = await w.h.driver.command(slashCommand({ text, userId, responseUrl: w.h.fake.responseUrl(id) }));
  expect(res.status).toBe(200);
  const post = await w.h.fake.waitForResponse((p) => p.id === id);
  return { text: JSON.stringify(post.body.blocks ?? post.body.text), body: post.body };
}

/** Submits a view and returns Slack's response_action answer. */
async function submit(w: World, input: Parameters<typeof viewSubmission>[0]): Promise<{ response_action: string; view?: { callback_id: string; private_metadata?: string; blocks: unknown[] }; errors?: Record<string, string> }> {
  const res = await w.h.driver.interaction(viewSubmission(input));
  expect(res.status).toBe(200);
  return (await res.json()) as never;
}

async function openForm(w: World, text: string, userId: string): Promise<{ callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: Record<string, unknown> }[] }> {
  const before = w.h.fake.callsTo('views.open').length;
  const res = await w.h.driver.command(slashCommand({ text, userId, responseUrl: w.h.fake.responseUrl(`open${++responseId}`) }));
  expect(res.status).toBe(200);
  const call = await w.h.fake.waitForCall('views.open', undefined, before + 1);
  expect(call.body.trigger_id).toMatch(/\.1\.abc$/);
  return call.body.view as never;
}

const rows = (w: World, table: 'updates') => countRows(w.db, table);

async function addUpdate(w: World, update: Partial<EditorUpdateInput>, userId = 'U0EDITOR') {
  const form = await openForm(w, 'update', userId);
  let answer = await submit(w, { userId, callbackId: UPDATE_FORM_ID, privateMetadata: form.private_metadata, values: formState(update) });
  if (answer.view?.callback_id === UPDATE_CONFIRM_ID) {
    expect(JSON.stringify(answer.view.blocks)).toContain('before: AMPTP rejects it');
    answer = await submit(w, { userId, callbackId: UPDATE_CONFIRM_ID, privateMetadata: answer.view.private_metadata! });
  }
  return answer;
}

describe('Slack: editors keep the knowledge current', () => {
  it('an editor adds an update through the modal, confirms the stance change, and status and ask reflect it at once', async () => {
    world = await start();
    const form = await openForm(world, 'update', 'U0EDITOR');
    expect(form.callback_id).toBe(UPDATE_FORM_ID);
    expect(form.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining([BLOCK.title, BLOCK.what, BLOCK.date, BLOCK.proposals, BLOCK.stanceParty, BLOCK.sourceOutlet, BLOCK.flags]));

    const confirm = await submit(world, { userId: 'U0EDITOR', callbackId: UPDATE_FORM_ID, privateMetadata: form.private_metadata, values: formState(meetingUpdate()) });
    expect(confirm).toMatchObject({ response_action: 'update', view: { callback_id: UPDATE_CONFIRM_ID } });
    const shown = JSON.stringify(confirm.view!.blocks);
    expect(shown).toContain('AMPTP on Minimum staffing in episodic TV: before');
    expect(shown).toContain('AMPTP has countered (from Aug 11, 2023)');
    expect(await rows(world, 'updates')).toBe(0);

    const saved = await submit(world, { userId: 'U0EDITOR', callbackId: UPDATE_CONFIRM_ID, privateMetadata: confirm.view!.private_metadata! });
    expect(JSON.stringify(saved.view!.blocks)).toContain('Update #1 saved');

    const status = await strike(world, 'status');
    expect(status.text).toContain('*Last contact*\\nAug 11, 2023: WGA and AMPTP negotiators meet again');
    expect(status.text).toContain('AMPTP has countered');
    const ask = await strike(world, 'what did the amptp offer on mini rooms at the aug 11 meeting?');
    expect(ask.text).toContain('has countered');
    expect(ask.text).toContain('Strikewire Test Wire');
  });

  it('lets members of an editors user group write, looked up with usergroups.users.list', async () => {
    world = await start();
    const saved = await addUpdate(world, meetingUpdate({ stance: undefined }), 'U0GROUPED');
    expect(JSON.stringify(saved.view!.blocks)).toContain('Update #1 saved');
    expect(world.h.fake.callsTo('usergroups.users.list')[0]!.body).toMatchObject({ usergroup: 'S0EDITORS' });
  });

  it('refuses a non-editor privately, opens no form, logs the attempt without tokens, and changes nothing', async () => {
    world = await start();
    const before = (await strike(world, 'status')).text;
    const answer = await strike(world, 'update', 'U0MEMBER');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Only editors can change what Strikewire says');
    expect(world.h.fake.callsTo('views.open')).toHaveLength(0);
    // A forged submission from the same person is refused too.
    const forged = await submit(world, { userId: 'U0MEMBER', callbackId: UPDATE_FORM_ID, values: formState(meetingUpdate({ stance: undefined })) });
    expect(JSON.stringify(forged.view!.blocks)).toContain('Only editors');
    for (const text of ['verify 1', 'correct 1 retract no reason at all', 'log']) expect((await strike(world, text, 'U0MEMBER')).text).toContain('Only editors');
    expect(await rows(world, 'updates')).toBe(0);
    expect((await strike(world, 'status')).text).toBe(before);
    expect(await refusalCount(world.db, 'U0MEMBER')).toBe(5);
    expect(world.h.logger.lines.some((l) => l.text.includes(BOT_TOKEN))).toBe(false);
  });

  it.each([
    ['a missing source', meetingUpdate({ stance: undefined, source: undefined }), BLOCK.sourceOutlet, /needs a source/],
    ['an unknown proposal', meetingUpdate({ stance: undefined, proposals: ['four-day-week'] }), BLOCK.proposals, /unknown proposal "four-day-week"/],
    ['a date in the future', meetingUpdate({ stance: undefined, date: '2023-09-01' }), BLOCK.date, /Sept 1, 2023 is in the future/],
    ['a quote without its speaker', meetingUpdate({ stance: undefined, quote: { text: 'We are done.', speaker: undefined as never } }), BLOCK.quoteSpeaker, /name who said it/],
  ])('refuses %s with the error under that input', async (_name, update, block, problem) => {
    world = await start();
    const form = await openForm(world, 'update', 'U0EDITOR');
    const answer = await submit(world, { userId: 'U0EDITOR', callbackId: UPDATE_FORM_ID, privateMetadata: form.private_metadata, values: formState(update) });
    expect(answer.response_action).toBe('errors');
    expect(answer.errors?.[block]).toMatch(problem);
    expect(await rows(world, 'updates')).toBe(0);
  });

  it('labels an unverified update in every answer until an editor verifies it', async () => {
    world = await start();
    await addUpdate(world, meetingUpdate({ stance: undefined, unverified: true }));
    expect((await strike(world, 'timeline')).text).toContain('Unverified: Aug 11, 2023: WGA and AMPTP negotiators meet again.');
    expect((await strike(world, 'who lombardini')).text).toContain('Unverified: “We put real numbers on the table today.”');
    expect((await strike(world, 'verify 1', 'U0EDITOR')).text).toContain('Update #1 verified');
    expect((await strike(world, 'timeline')).text).not.toContain('Unverified');
  });

  it('amends through the prefilled modal with a reason, and shows editors the log', async () => {
    world = await start();
    await addUpdate(world, meetingUpdate({ stance: undefined }));
    const form = await openForm(world, 'correct 1 amend it was Thursday', 'U0EDITOR');
    expect(form.blocks.find((b) => b.block_id === BLOCK.title)?.element).toMatchObject({ initial_value: 'WGA and AMPTP negotiators meet again' });
    expect(form.blocks.find((b) => b.block_id === BLOCK.reason)?.element).toMatchObject({ initial_value: 'it was Thursday' });
    const saved = await submit(world, { userId: 'U0EDITOR', callbackId: UPDATE_FORM_ID, privateMetadata: form.private_metadata, values: formState(meetingUpdate({ stance: undefined, date: '2023-08-10' }), 'it was Thursday') });
    expect(JSON.stringify(saved.view!.blocks)).toContain('Update #1 corrected');
    expect((await strike(world, 'status')).text).toContain('*Last contact*\\nAug 10, 2023');
    const log = await strike(world, 'log', 'U0EDITOR');
    expect(log.text).toContain('#1 amended by Slack user U0EDITOR, Aug 12, 2023, 10:00 UTC: it was Thursday');
    expect(log.body).not.toHaveProperty('replace_original');
    expect(JSON.stringify(log.body)).not.toContain('share');
  });
});
