import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/bots/slack/request-guard.js';
import { OTHER_WORKSPACE_TEXT } from '../../src/bots/slack/workspace-check.js';
import { SHARE_ACTION_ID } from '../../src/bots/slack/share-button.js';
import { appMention, buttonClick, eventCallback, slashCommand } from '../fakes/slack-payloads.js';
import { FORM_CONTENT_TYPE } from '../fakes/slack-signing.js';
import { startHttpHarness, type HttpHarness } from './harness.js';

/** Starts an unsigned POST declaring `bytes`, writes the first 16 KB, and resolves with its status and how much it sent. */
function openUpload(url: string, bytes: number): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': FORM_CONTENT_TYPE, 'content-length': String(bytes) } });
    let sent = 0;
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
    });
    // A reset after the answer is the server refusing the rest: that is the point.
    req.on('error', (err) => (sent > 0 ? undefined : reject(err)));
    const chunk = Buffer.alloc(16 * 1024, 'a');
    sent += chunk.length;
    req.write(chunk);
  });
}

describe('what reaches Bolt through the HTTP receiver', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h.close();
  });
  const work = () => h.fake.calls.filter((c) => c.method !== 'auth.test');

  it('refuses signed timestamps in the future, ten minutes or a year ahead, and runs nothing', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const ahead of [10 * 60, 365 * 24 * 3600]) {
      const res = await h.driver.command(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl(`future-${ahead}`) }), { timestampSec: now + ahead });
      expect(res.status).toBe(401);
      const event = await h.driver.event(eventCallback(appMention({ text: '<@U0BOT> status', channel: 'C0FUTURE' })), { timestampSec: now + ahead });
      expect(event.status).toBe(401);
    }
    expect(h.fake.responses).toEqual([]);
    expect(work()).toEqual([]);
  });

  it('refuses a body larger than 64 KB with 413 before reading it, and still acknowledges a signed command meanwhile', async () => {
    const uploads = Array.from({ length: 40 }, () => openUpload(h.driver.url, 1024 * 1024));
    const ack = await h.driver.command(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('during-flood') }));
    expect(ack.status).toBe(200);
    await h.fake.waitForResponse((p) => p.id === 'during-flood');
    for (const upload of await Promise.all(uploads)) {
      expect(upload.status).toBe(413);
      expect(upload.sent).toBeLessThan(MAX_BODY_BYTES);
    }
  });

  it('refuses a signed body just over the cap, and accepts one under it', async () => {
    const big = await h.driver.command(slashCommand({ text: `ask ${'x'.repeat(MAX_BODY_BYTES)}`, responseUrl: h.fake.responseUrl('big') }));
    expect(big.status).toBe(413);
    const fits = await h.driver.command(slashCommand({ text: `ask ${'x'.repeat(1000)}`, responseUrl: h.fake.responseUrl('fits') }));
    expect(fits.status).toBe(200);
    await h.fake.waitForResponse((p) => p.id === 'fits');
    expect(h.fake.responses.some((p) => p.id === 'big')).toBe(false);
  });

  it('refuses a command from another workspace with a polite private answer and runs nothing', async () => {
    const before = work().length;
    const res = await h.driver.command({ ...slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('other-team') }), team_id: 'T0OTHER' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ text: OTHER_WORKSPACE_TEXT });
    expect(h.fake.responses.some((p) => p.id === 'other-team')).toBe(false);
    expect(work().length).toBe(before);
  });

  it('refuses a click by a user of another workspace in a shared channel', async () => {
    const click = buttonClick({ actionId: SHARE_ACTION_ID, value: 'status', responseUrl: h.fake.responseUrl('other-user') });
    const res = await h.driver.interaction({ ...click, user: { id: 'U0GUEST', username: 'guest', team_id: 'T0OTHER' } });
    expect(res.status).toBe(200);
    // The same click from our own team, sent after it, does post (and then removes its private copy), so the
    // refusal is the team check and not a broken click.
    await h.driver.interaction(buttonClick({ actionId: SHARE_ACTION_ID, value: 'status', responseUrl: h.fake.responseUrl('own-user') }));
    await h.fake.waitForResponse((p) => p.id === 'own-user');
    const posts = h.fake.callsTo('chat.postMessage').map((c) => JSON.stringify(c.body));
    expect(posts.filter((p) => p.includes('U0MEMBER'))).toHaveLength(1);
    expect(posts.filter((p) => p.includes('U0GUEST'))).toEqual([]);
    expect(h.fake.responses.some((p) => p.id === 'other-user')).toBe(false);
  });
});
