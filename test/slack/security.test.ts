import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMention, eventCallback, slashCommand } from '../fakes/slack-payloads.js';
import { FORM_CONTENT_TYPE, formEncode } from '../fakes/slack-signing.js';
import { BOT_TOKEN, SIGNING_SECRET, startHttpHarness, type HttpHarness } from './harness.js';

describe('request verification by the real Bolt HTTP receiver', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Web API calls besides the start-up auth.test. */
  const work = () => h.fake.calls.filter((c) => c.method !== 'auth.test');

  it('rejects a command signed with the wrong secret with 401 and runs nothing', async () => {
    const res = await h.driver.command(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('forged') }), { secret: 'not-the-secret' });
    expect(res.status).toBe(401);
    // Bolt decides before it answers, so nothing can run after the 401.
    expect(h.fake.responses).toEqual([]);
    expect(work()).toEqual([]);
  });

  it('rejects a timestamp older than five minutes with 401 and runs nothing', async () => {
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.driver.command(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('stale') }), { timestampSec: stale });
    expect(res.status).toBe(401);
    const event = await h.driver.event(eventCallback(appMention({ text: '<@U0BOT> status', channel: 'C0STALE' })), { timestampSec: stale });
    expect(event.status).toBe(401);
    expect(h.fake.responses).toEqual([]);
    expect(work()).toEqual([]);
  });

  it('rejects a request with no signature at all', async () => {
    const res = await fetch(h.driver.url, {
      method: 'POST',
      headers: { 'content-type': FORM_CONTENT_TYPE, 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) },
      body: formEncode(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('unsigned') })),
    });
    expect(res.status).toBe(401);
    expect(h.fake.responses).toEqual([]);
  });

  it('still answers a properly signed request, and Slack’s URL check', async () => {
    const challenge = await h.driver.event({ token: 'x', challenge: 'c-123', type: 'url_verification' });
    expect(challenge.status).toBe(200);
    expect(await challenge.json()).toEqual({ challenge: 'c-123' });
    await h.driver.command(slashCommand({ text: 'status', responseUrl: h.fake.responseUrl('good') }));
    await h.fake.waitForResponse((p) => p.id === 'good');
  });

  it('never writes the bot token or the signing secret to the log, even at debug level', () => {
    expect(h.logger.lines.length).toBeGreaterThan(0);
    for (const line of h.logger.lines) {
      expect(line.text).not.toContain(BOT_TOKEN);
      expect(line.text).not.toContain(SIGNING_SECRET);
    }
  });
});
