import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEditorCheck } from '../../src/bots/slack/editor-check.js';
import { registerDraftShortcut } from '../../src/bots/slack/handle-draft-shortcut.js';
import { registerEditorForms } from '../../src/bots/slack/handle-editor-forms.js';
import { FORM_CONFIRM_ID, FORM_VIEW_ID } from '../../src/bots/slack/form-modal-view.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { createFormCommands } from '../../src/core/forms/form-commands.js';
import type { FormValues } from '../../src/core/forms/form-model.js';
import { FORMS } from '../../src/core/forms/form-registry.js';
import { formContext } from '../../src/core/forms/form-submit.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openEditorService } from '../../src/editors/editor-service.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { refusalCount } from '../editors/store-rows.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { startHttpHarness, type HttpHarness } from '../slack/harness.js';
import { viewSubmission } from '../editors/slack-editor-payloads.js';
import { RecordingDesk } from './recording-desk.js';
import { formViewState, messageShortcut } from './slack-form-payloads.js';
import { AUG_12, PACK } from '../editors/support.js';

interface World {
  h: HttpHarness;
  db: Store;
  /** Closes the store and drops its database. */
  drop(): Promise<void>;
  desk: RecordingDesk;
  ctx: ReturnType<typeof contextFromPack>;
}

let world: World | undefined;
afterEach(async () => {
  await world?.h.close();
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
  const deps = { ctx, desk, editorCheck: createSlackEditorCheck(['U0EDITOR'], { clock }), admins: [], claims: new InteractionClaims(db) };
  const h = await startHttpHarness({ ctx, app: { extend: (app) => { registerEditorForms(app, deps); registerDraftShortcut(app, deps); } } });
  return { h, db, drop: opened.close, desk, ctx };
}

let n = 0;
type View = { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string; element?: Record<string, unknown>; elements?: { text: string }[] }[] };

/** Runs /strike <text>; resolves with the opened view, or with the private answer when none opened. */
async function strike(w: World, text: string, userId: string): Promise<{ view?: View; answer?: string }> {
  const id = `r${++n}`;
  const before = w.h.fake.callsTo('views.open').length;
  const res = await w.h.driver.command(slashCommand({ text, userId, responseUrl: w.h.fake.responseUrl(id) }));
  expect(res.status).toBe(200);
  const opened = w.h.fake.waitForCall('views.open', undefined, before + 1).then((c) => ({ view: c.body.view as View }));
  const answered = w.h.fake.waitForResponse((p) => p.id === id).then((p) => ({ answer: JSON.stringify(p.body) }));
  return Promise.race([opened, answered]);
}

async function submit(w: World, input: { userId: string; callbackId: string; meta: string; values?: Record<string, unknown>; viewId?: string }) {
  const res = await w.h.driver.interaction(viewSubmission({ userId: input.userId, callbackId: input.callbackId, privateMetadata: input.meta, ...(input.values ? { values: input.values } : {}), ...(input.viewId ? { viewId: input.viewId } : {}) }));
  expect(res.status).toBe(200);
  return (await res.json()) as { response_action: string; errors?: Record<string, string>; view?: View };
}

const fieldsOf = (w: World, form: keyof typeof FORMS) => FORMS[form].fields(formContext(w.ctx));
const stateFor = (w: World, form: keyof typeof FORMS, values: FormValues) => formViewState(fieldsOf(w, form), values);
const WIRE: FormValues = { 'source.outlet': 'Harbor Labor Wire', 'source.title': 'Guild adds a deputy negotiator', 'source.kind': 'press' };

describe('Slack: the editors’ forms', () => {
  it('/strike new person opens a modal with pickers, shows problems under their inputs, then saves the patch', async () => {
    world = await start();
    const { view } = await strike(world, 'new person', 'U0EDITOR');
    expect(view!.callback_id).toBe(FORM_VIEW_ID);
    const party = view!.blocks.find((b) => b.block_id === 'party')!;
    expect(party.element!.type).toBe('static_select');
    expect((party.element!.options as { value: string }[]).map((o) => o.value)).toContain('amptp');

    const bad = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, meta: view!.private_metadata, values: stateFor(world, 'new-person', { name: 'Dana Okafor', party: 'wga', ...WIRE }) });
    expect(bad).toEqual({ response_action: 'errors', errors: { role: 'Role is required' } });
    world.desk.refuse = { field: 'people[0].party', problem: 'unknown party “wga”' };
    const refused = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, meta: view!.private_metadata, values: stateFor(world, 'new-person', { name: 'Dana Okafor', party: 'wga', role: 'Deputy negotiator', ...WIRE }) });
    expect(refused.errors).toEqual({ party: 'unknown party “wga”' });
    world.desk.refuse = undefined;
    const saved = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, meta: view!.private_metadata, values: stateFor(world, 'new-person', { name: 'Dana Okafor', party: 'wga', role: 'Deputy negotiator', ...WIRE }) });
    expect(JSON.stringify(saved.view!.blocks)).toContain('Patch #1 saved');
    expect(world.desk.stored).toHaveLength(1);
    expect(world.desk.stored[0]!.author).toBe('slack:U0EDITOR');
    expect(world.desk.stored[0]!.submission.patch.people![0]).toMatchObject({ id: 'dana-okafor', party: 'wga', role: 'Deputy negotiator' });
  });

  it('/strike settle <proposal> prefills the proposal, confirms before storing, and a replayed submission stores once', async () => {
    world = await start();
    const { view } = await strike(world, 'settle minimum staffing', 'U0EDITOR');
    const proposal = view!.blocks.find((b) => b.block_id === 'proposal')!;
    expect((proposal.element!.initial_option as { value: string }).value).toBe('tv-minimum-staffing');
    const values = stateFor(world, 'settle', { proposal: 'tv-minimum-staffing', status: 'agreed', outcome: 'Rooms get a staffing floor.', date: '2023-08-11', ...WIRE });
    const first = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, meta: view!.private_metadata, values, viewId: 'VSETTLE1' });
    const replay = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, meta: view!.private_metadata, values, viewId: 'VSETTLE1' });
    expect(first.view!.callback_id).toBe(FORM_CONFIRM_ID);
    expect(replay).toEqual(first);
    expect(world.desk.stored).toHaveLength(0);
    const confirmed = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_CONFIRM_ID, meta: first.view!.private_metadata, viewId: 'VSETTLE1' });
    const again = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_CONFIRM_ID, meta: first.view!.private_metadata, viewId: 'VSETTLE1' });
    expect(JSON.stringify(confirmed.view!.blocks)).toContain('Patch #1 saved');
    expect(again).toEqual(confirmed);
    expect(world.desk.stored).toHaveLength(1);
  });

  it('refuses a non-editor privately on every form and the shortcut, opens nothing and posts nothing', async () => {
    world = await start();
    for (const text of ['new proposal', 'new person', 'new party', 'settle', 'settle mini rooms']) {
      const { view, answer } = await strike(world, text, 'U0MEMBER');
      expect(view).toBeUndefined();
      expect(answer).toContain('Only editors');
      expect(answer).toContain('ephemeral');
    }
    for (const form of Object.keys(FORMS) as (keyof typeof FORMS)[]) {
      const forged = await submit(world, { userId: 'U0MEMBER', callbackId: FORM_VIEW_ID, meta: JSON.stringify({ form }), values: stateFor(world, 'new-person', { name: 'Dana Okafor', party: 'wga', role: 'Deputy negotiator', ...WIRE }) });
      expect(JSON.stringify(forged.view!.blocks)).toContain('Only editors');
    }
    const id = `s${++n}`;
    const res = await world.h.driver.interaction(messageShortcut({ userId: 'U0MEMBER', text: 'The AMPTP rejected the guild’s staffing plan on Friday.', responseUrl: world.h.fake.responseUrl(id) }));
    expect(res.status).toBe(200);
    const answer = await world.h.fake.waitForResponse((p) => p.id === id);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body)).toContain('Only editors');
    expect(world.h.fake.callsTo('views.open')).toHaveLength(0);
    expect(world.h.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(world.desk.stored).toHaveLength(0);
    expect(await refusalCount(world.db)).toBe(11);
  });

  it('the shortcut drafts the update form from a message, with the sentences as private evidence, not as its text', async () => {
    world = await start();
    const text = 'LOS ANGELES, Aug. 11, 2023 (Harbor Labor Wire) - Carol Lombardini said the AMPTP rejected the guild’s minimum staffing plan again at Friday’s session with the WGA. “We are not there yet,” Lombardini said.';
    const res = await world.h.driver.interaction(messageShortcut({ userId: 'U0EDITOR', text, responseUrl: world.h.fake.responseUrl('draft') }));
    expect(res.status).toBe(200);
    const view = (await world.h.fake.waitForCall('views.open')).body.view as View;
    const block = (key: string) => view.blocks.find((b) => b.block_id === key)?.element;
    expect(block('date')!.initial_date).toBe('2023-08-11');
    expect((block('proposals')!.initial_options as { value: string }[]).map((o) => o.value)).toContain('tv-minimum-staffing');
    expect(block('what')!.initial_value).toBeUndefined();
    expect((block('flags')!.initial_options as { value: string }[]).map((o) => o.value)).toContain('unverified');
    expect(view.blocks[0]!.type).toBe('context');
    expect(view.blocks[0]!.elements![0]!.text).toContain('Only you see this');
    expect(world.h.fake.callsTo('chat.postMessage')).toHaveLength(0);

    // Submitting the article's own sentence as "What happened" is refused under that input; a rewrite goes on.
    const copied = { title: 'Studios turn down staffing again', what: 'Carol Lombardini said the AMPTP rejected the guild’s minimum staffing plan again at Friday’s session with the WGA.', date: '2023-08-11', 'source.outlet': 'Harbor Labor Wire', 'source.title': 'Staffing plan rejected' };
    const refused = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, meta: view.private_metadata, values: stateFor(world, 'update', copied) });
    expect(refused.response_action).toBe('errors');
    expect(refused.errors!.what).toMatch(/repeats the article’s wording/);
    const rewritten = await submit(world, { userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, meta: view.private_metadata, values: stateFor(world, 'update', { ...copied, what: 'The studios again said no to a staffing floor, according to their chief negotiator.' }) });
    expect(JSON.stringify(rewritten.view!.blocks)).toContain('Patch #1 saved');
  });
});
