import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEditorCheck } from '../../src/bots/slack/editor-check.js';
import { FORM_CONFIRM_ID, FORM_VIEW_ID } from '../../src/bots/slack/form-modal-view.js';
import { registerEditorForms } from '../../src/bots/slack/handle-editor-forms.js';
import { homeEditorSection, registerHomeEditorForms } from '../../src/bots/slack/handle-home-editor-forms.js';
import { HOME_FORM_ACTION_PREFIX, HOME_FORMS } from '../../src/bots/slack/render-home-editor-section.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { FORMS } from '../../src/core/forms/form-registry.js';
import { formContext } from '../../src/core/forms/form-submit.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openEditorService, type EditorService } from '../../src/editors/editor-service.js';
import { openFormService } from '../../src/editors/form-service.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { eventCallback, homeButtonClick, homeOpened } from '../fakes/slack-payloads.js';
import type { SlackApiCall } from '../fakes/slack-web-api.js';
import { viewSubmission } from '../editors/slack-editor-payloads.js';
import { AUG_12, meetingUpdate, origin, PACK } from '../editors/support.js';
import { formViewState } from '../forms/slack-form-payloads.js';
import { startHttpHarness, type HttpHarness } from './harness.js';

interface World {
  h: HttpHarness;
  store: Store;
  editors: EditorService;
  ctx: ReturnType<typeof contextFromPack>;
}

type Block = { type: string; text?: { text: string }; elements?: { type: string; action_id?: string; text?: string | { text: string } }[] };
type OpenedView = { callback_id: string; private_metadata: string };

let world: World | undefined;
afterEach(async () => {
  await world?.h.close();
  await world?.store.close();
  world = undefined;
});

/** The real Bolt app with the editors' forms and the Home tab's editor section, U0EDITOR the one editor. */
async function start(): Promise<World> {
  const store = await openStore({ databasePath: ':memory:' });
  const clock = fixedClock(AUG_12);
  const editors = openEditorService(store, { pack: PACK, clock, log: () => undefined });
  const forms = openFormService(store, editors);
  const ctx = contextFromPack(PACK, { clock, extensions: [...editors.commands, ...forms.commands] });
  await editors.desk.reload(ctx);
  const deps = { ctx, desk: forms.desk, editorCheck: createSlackEditorCheck(['U0EDITOR'], { clock }), admins: [], claims: forms.claims };
  const home = { ...deps, records: editors.desk };
  const h = await startHttpHarness({
    ctx,
    app: {
      extend: (app) => {
        registerEditorForms(app, deps);
        registerHomeEditorForms(app, home);
      },
      homeSection: homeEditorSection(home),
    },
  });
  return { h, store, editors, ctx };
}

/** Opens the Home tab as this user and returns the published view's blocks. */
async function openHome(w: World, userId: string): Promise<Block[]> {
  const res = await w.h.driver.event(eventCallback(homeOpened(userId)));
  expect(res.status).toBe(200);
  const publish = await w.h.fake.waitForCall('views.publish', (c) => c.body.user_id === userId);
  return (publish.body.view as { blocks: Block[] }).blocks;
}

const formButtons = (blocks: Block[]) => blocks.flatMap((b) => b.elements ?? []).filter((e) => e.type === 'button' && e.action_id?.startsWith(HOME_FORM_ACTION_PREFIX));
const headers = (blocks: Block[]) => blocks.filter((b) => b.type === 'header').map((b) => b.text!.text);
const dmTo = (userId: string) => (c: SlackApiCall) => c.body.channel === userId;

describe('Slack: the editors’ section of the Home tab', () => {
  it('shows an editor a button for every form and how many unverified updates wait, above the status', async () => {
    world = await start();
    expect((await world.editors.desk.submit(world.ctx, meetingUpdate({ stance: undefined, unverified: true }), origin(true))).kind).toBe('stored');
    const blocks = await openHome(world, 'U0EDITOR');
    expect(headers(blocks)[0]).toBe('Editors');
    expect(formButtons(blocks).map((b) => b.action_id)).toEqual(HOME_FORMS.map((f) => `${HOME_FORM_ACTION_PREFIX}${f}`));
    expect(HOME_FORMS).toEqual(expect.arrayContaining(Object.keys(FORMS)));
    expect(JSON.stringify(blocks)).toContain('1 unverified update is waiting');
    // The status and the proposals are still there, after the section.
    expect(headers(blocks).length).toBe(3);
  });

  it('shows a non-editor no editors’ section at all', async () => {
    world = await start();
    const blocks = await openHome(world, 'U0MEMBER');
    expect(headers(blocks)).not.toContain('Editors');
    expect(formButtons(blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).not.toContain('unverified');
  });

  it('opens the form each button names with the click’s trigger_id, the same modal as /strike, and its submission works', async () => {
    world = await start();
    for (const [i, form] of HOME_FORMS.entries()) {
      const click = homeButtonClick({ actionId: `${HOME_FORM_ACTION_PREFIX}${form}`, userId: 'U0EDITOR' });
      const res = await world.h.driver.interaction(click);
      expect(res.status).toBe(200);
      const call = await world.h.fake.waitForCall('views.open', undefined, i + 1);
      const view = call.body.view as OpenedView;
      expect(call.body.trigger_id).toBe(click.trigger_id);
      expect(view.callback_id).toBe(FORM_VIEW_ID);
      expect(JSON.parse(view.private_metadata)).toEqual({ form });
    }
    const party = (await world.h.fake.waitForCall('views.open', (c) => (c.body.view as OpenedView).private_metadata.includes('new-party'))).body.view as OpenedView;
    const values = formViewState(FORMS['new-party'].fields(formContext(world.ctx)), { name: 'Guild of Ferry Stewards', shortName: 'GFS', kind: 'union', side: 'neither', description: 'Stewards on the harbour ferries, written for this test.', 'source.outlet': 'Harbor Labor Wire', 'source.title': 'Stewards weigh in', 'source.kind': 'press' });
    const res = await world.h.driver.interaction(viewSubmission({ userId: 'U0EDITOR', callbackId: FORM_VIEW_ID, privateMetadata: party.private_metadata, values }));
    const answer = (await res.json()) as { response_action: string; view?: { callback_id: string } };
    expect(answer).toMatchObject({ response_action: 'update', view: { callback_id: FORM_CONFIRM_ID } });
    expect(world.h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('refuses a non-editor’s forged click privately, logs the attempt and opens nothing', async () => {
    world = await start();
    for (const actionId of [`${HOME_FORM_ACTION_PREFIX}new-person`, `${HOME_FORM_ACTION_PREFIX}settle`, `${HOME_FORM_ACTION_PREFIX}<!channel>`]) {
      const before = world.h.fake.callsTo('chat.postMessage').length;
      const res = await world.h.driver.interaction(homeButtonClick({ actionId, userId: 'U0MEMBER' }));
      expect(res.status).toBe(200);
      const told = await world.h.fake.waitForCall('chat.postMessage', dmTo('U0MEMBER'), before + 1);
      expect(JSON.stringify(told.body)).toContain('Only editors');
    }
    expect(world.h.fake.callsTo('views.open')).toEqual([]);
    expect(world.h.fake.callsTo('chat.postMessage').every(dmTo('U0MEMBER'))).toBe(true);
    // Refusals are counted per user and day; all three were logged.
    const refused = await world.store.db.selectFrom('edit_attempts').select('count').where('allowed', '=', 0).execute();
    expect(refused.reduce((n, r) => n + r.count, 0)).toBe(3);
  });

  it('tells an editor privately when Slack refuses to open the form (the trigger expired)', async () => {
    world = await start();
    world.h.fake.respondWith('views.open', { ok: false, error: 'expired_trigger_id' });
    const res = await world.h.driver.interaction(homeButtonClick({ actionId: `${HOME_FORM_ACTION_PREFIX}update`, userId: 'U0EDITOR' }));
    expect(res.status).toBe(200);
    const told = await world.h.fake.waitForCall('chat.postMessage', dmTo('U0EDITOR'));
    expect(JSON.stringify(told.body)).toContain('The form did not open');
  });
});
