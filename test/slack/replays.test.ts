import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHARE_ACTION_ID } from '../../src/bots/slack/share-button.js';
import { InteractionClaims } from '../../src/store/interaction-claims.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { buttonClick, slashCommand } from '../fakes/slack-payloads.js';
import { FORM_CONTENT_TYPE, formEncode } from '../fakes/slack-signing.js';
import { startHttpHarness, type HttpHarness } from './harness.js';

const open: { h: HttpHarness; store: Store }[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const { h, store } of open.splice(0)) {
    await h.close();
    await store.close();
  }
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dbPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'replays-'));
  dirs.push(dir);
  return join(dir, 'strikewire.db');
}

async function start(path = ':memory:'): Promise<HttpHarness> {
  const store = await openStore({ databasePath: path });
  const h = await startHttpHarness({ app: { claims: new InteractionClaims(store) } });
  open.push({ h, store });
  return h;
}

/** A share click by `userId` on the private message `messageTs`, clicked at `actionTs`. */
function click(h: HttpHarness, input: { userId: string; messageTs: string; actionTs: string; responseId: string }): Record<string, unknown> {
  const base = buttonClick({ actionId: SHARE_ACTION_ID, value: 'status', responseUrl: h.fake.responseUrl(input.responseId), userId: input.userId });
  const actions = (base.actions as Record<string, unknown>[]).map((a) => ({ ...a, action_ts: input.actionTs }));
  return { ...base, container: { ...(base.container as object), message_ts: input.messageTs }, actions };
}

/** Sends a marker click from another user and waits until its share is done: work queued before it has run by then. */
async function settle(h: HttpHarness, id: string): Promise<void> {
  await h.driver.interaction(click(h, { userId: 'U0MARKER', messageTs: `9.${id}`, actionTs: `9.${id}`, responseId: id }));
  await h.fake.waitForResponse((p) => p.id === id && p.body.delete_original === true);
}

const postsBy = (h: HttpHarness, userId: string) => h.fake.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.body.blocks).includes(`<@${userId}>`));

describe('replayed and double-clicked interactions through the real Bolt app', () => {
  it('posts once when one signed Share click is delivered three times', async () => {
    const h = await start();
    const raw = formEncode({ payload: JSON.stringify(click(h, { userId: 'U0REPLAY', messageTs: '1.000001', actionTs: '1.000002', responseId: 'replay' })) });
    const timestampSec = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 3; i++) expect((await h.driver.post(raw, FORM_CONTENT_TYPE, { timestampSec })).status).toBe(200);
    await settle(h, 'after-replay');
    expect(postsBy(h, 'U0REPLAY')).toHaveLength(1);
  });

  it('posts once for a double click on the same private answer', async () => {
    const h = await start();
    await Promise.all([
      h.driver.interaction(click(h, { userId: 'U0DOUBLE', messageTs: '2.000001', actionTs: '2.000002', responseId: 'd1' })),
      h.driver.interaction(click(h, { userId: 'U0DOUBLE', messageTs: '2.000001', actionTs: '2.000003', responseId: 'd2' })),
    ]);
    await settle(h, 'after-double');
    expect(postsBy(h, 'U0DOUBLE')).toHaveLength(1);
    // A share of another private answer by the same user is a new share.
    await h.driver.interaction(click(h, { userId: 'U0DOUBLE', messageTs: '2.000009', actionTs: '2.000010', responseId: 'd3' }));
    await h.fake.waitForResponse((p) => p.id === 'd3');
    expect(postsBy(h, 'U0DOUBLE')).toHaveLength(2);
  });

  it('remembers a share across a restart, because the key is in the database', async () => {
    const path = dbPath();
    const first = await start(path);
    const payload = (h: HttpHarness) => click(h, { userId: 'U0RESTART', messageTs: '3.000001', actionTs: '3.000002', responseId: 'restart' });
    await first.driver.interaction(payload(first));
    await first.fake.waitForResponse((p) => p.id === 'restart');
    const { h, store } = open.pop()!;
    await h.close();
    await store.close();
    const second = await start(path);
    await second.driver.interaction(payload(second));
    await settle(second, 'after-restart');
    expect(postsBy(second, 'U0RESTART')).toEqual([]);
  });

  it('lets the same button work again after a share that could not be posted', async () => {
    const h = await start();
    h.fake.respondWith('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const once = { userId: 'U0RETRY', messageTs: '4.000001', actionTs: '4.000002' };
    await h.driver.interaction(click(h, { ...once, responseId: 'no-post' }));
    const refusal = await h.fake.waitForResponse((p) => p.id === 'no-post');
    expect(String(refusal.body.text)).toContain('/invite');
    h.fake.respondWith('chat.postMessage', (c) => ({ channel: c.body.channel, ts: '4.000100' }));
    await h.driver.interaction(click(h, { ...once, actionTs: '4.000003', responseId: 'posted' }));
    await h.fake.waitForResponse((p) => p.id === 'posted' && p.body.delete_original === true);
  });

  it('runs a replayed slash command once', async () => {
    const h = await start();
    const raw = formEncode(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('cmd') }));
    const timestampSec = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 2; i++) expect((await h.driver.post(raw, FORM_CONTENT_TYPE, { timestampSec })).status).toBe(200);
    await h.driver.command(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('cmd-after') }));
    await h.fake.waitForResponse((p) => p.id === 'cmd-after');
    expect(h.fake.responses.filter((p) => p.id === 'cmd')).toHaveLength(1);
  });
});
