import { afterEach, describe, expect, it } from 'vitest';
import { createSlackEditorCheck } from '../../src/bots/slack/editor-check.js';
import { registerEditorTools } from '../../src/bots/slack/handle-editor-tools.js';
import { UPDATE_CONFIRM_ID, UPDATE_FORM_ID } from '../../src/bots/slack/update-modal-view.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openEditorService } from '../../src/editors/editor-service.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import type { Store } from '../../src/store/open-store.js';
import { openTestStore } from '../support/test-store.js';
import { countRows } from './store-rows.js';
import { slashCommand } from '../fakes/slack-payloads.js';
import { FORM_CONTENT_TYPE, formEncode } from '../fakes/slack-signing.js';
import { startHttpHarness, type HttpHarness } from '../slack/harness.js';
import { formState, viewSubmission } from './slack-editor-payloads.js';
import { AUG_12, PACK, meetingUpdate } from './support.js';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

async function start(): Promise<{ h: HttpHarness; db: Store }> {
  const opened = await openTestStore('sqlite');
  const db = opened.store;
  const clock = fixedClock(AUG_12);
  const editors = openEditorService(db, { pack: PACK, clock, log: () => undefined });
  const ctx = contextFromPack(PACK, { clock, extensions: editors.commands });
  const running = await editors.start(ctx);
  const claims = new InteractionClaims(db);
  const editorCheck = createSlackEditorCheck(['U0EDITOR'], { clock });
  const h = await startHttpHarness({ ctx, app: { claims, extend: (app) => registerEditorTools(app, { ctx, desk: editors.desk, editorCheck, admins: [], claims }) } });
  cleanup = async () => {
    await running.stop();
    await h.close();
    await opened.close();
  };
  return { h, db };
}

/** Posts the exact same signed bytes `times` times and returns each answer. */
async function deliver(h: HttpHarness, payload: object, times: number): Promise<unknown[]> {
  const raw = formEncode({ payload: JSON.stringify(payload) });
  const timestampSec = Math.floor(Date.now() / 1000);
  const answers: unknown[] = [];
  for (let i = 0; i < times; i++) {
    const res = await h.driver.post(raw, FORM_CONTENT_TYPE, { timestampSec });
    expect(res.status).toBe(200);
    answers.push(await res.json());
  }
  return answers;
}

async function openForm(h: HttpHarness): Promise<string> {
  await h.driver.command(slashCommand({ text: 'update', userId: 'U0EDITOR', responseUrl: h.fake.responseUrl('open') }));
  const call = await h.fake.waitForCall('views.open');
  return (call.body.view as { private_metadata: string }).private_metadata;
}

const updates = (db: Store) => countRows(db, 'updates');

describe('Slack editor forms delivered more than once', () => {
  it('stores one update for a form submission delivered twice, and answers both with the same result', async () => {
    const { h, db } = await start();
    const meta = await openForm(h);
    const submission = viewSubmission({ userId: 'U0EDITOR', callbackId: UPDATE_FORM_ID, privateMetadata: meta, values: formState(meetingUpdate({ stance: undefined })), viewId: 'V0TWICE' });
    const [first, second] = await deliver(h, submission, 2);
    expect(JSON.stringify(first)).toContain('Update #1 saved');
    expect(second).toEqual(first);
    expect(await updates(db)).toBe(1);
  });

  it('stores one update when the confirmation of a stance change is delivered twice', async () => {
    const { h, db } = await start();
    const meta = await openForm(h);
    const [confirm] = (await deliver(h, viewSubmission({ userId: 'U0EDITOR', callbackId: UPDATE_FORM_ID, privateMetadata: meta, values: formState(meetingUpdate()), viewId: 'V0CONF' }), 1)) as { view: { private_metadata: string } }[];
    const answers = await deliver(h, viewSubmission({ userId: 'U0EDITOR', callbackId: UPDATE_CONFIRM_ID, privateMetadata: confirm!.view.private_metadata, viewId: 'V0CONF' }), 2);
    expect(JSON.stringify(answers[0])).toContain('Update #1 saved');
    expect(answers[1]).toEqual(answers[0]);
    expect(await updates(db)).toBe(1);
  });

  it('still takes a corrected resubmission of the same view after field errors', async () => {
    const { h, db } = await start();
    const meta = await openForm(h);
    const bad = viewSubmission({ userId: 'U0EDITOR', callbackId: UPDATE_FORM_ID, privateMetadata: meta, values: formState(meetingUpdate({ stance: undefined, source: undefined })), viewId: 'V0FIX' });
    const [errors] = await deliver(h, bad, 1);
    expect(errors).toMatchObject({ response_action: 'errors' });
    // Slack keeps the view's id and hash when it shows errors; only the values change.
    const fixed = { ...bad, view: { ...(bad.view as object), state: { values: formState(meetingUpdate({ stance: undefined })) } } };
    const [saved] = await deliver(h, fixed, 1);
    expect(JSON.stringify(saved)).toContain('Update #1 saved');
    expect(await updates(db)).toBe(1);
  });
});
