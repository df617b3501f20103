import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySlackRequest } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_CONTENT_TYPE, SlackRequestDriver, slackSignature } from '../fakes/slack-signing.js';

// Slack's documented worked example (platform-facts.md §1, docs.slack.dev "Verifying requests from Slack").
const EXAMPLE = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe('Slack request signing driver', () => {
  it('reproduces the signature of Slack’s documented example', () => {
    expect(slackSignature(EXAMPLE.secret, EXAMPLE.timestamp, EXAMPLE.body)).toBe(EXAMPLE.signature);
  });

  it('is accepted by Bolt’s own verifier, and a one-character change is not', () => {
    const headers = { 'x-slack-signature': EXAMPLE.signature, 'x-slack-request-timestamp': EXAMPLE.timestamp };
    expect(() => verifySlackRequest({ signingSecret: EXAMPLE.secret, body: EXAMPLE.body, headers, nowMilliseconds: EXAMPLE.timestamp * 1000 })).not.toThrow();
    expect(() =>
      verifySlackRequest({ signingSecret: EXAMPLE.secret, body: EXAMPLE.body.replace('roadrunner', 'roadrunnex'), headers, nowMilliseconds: EXAMPLE.timestamp * 1000 }),
    ).toThrow();
  });

  describe('on the wire', () => {
    const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        res.end('ok');
      });
    });
    let driver: SlackRequestDriver;
    beforeAll(async () => {
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      driver = new SlackRequestDriver(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, EXAMPLE.secret);
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    });

    it('sends the exact form content type and a signature over the raw body it sent', async () => {
      await driver.command({ command: '/strike', text: 'status & more' }, { timestampSec: EXAMPLE.timestamp });
      const got = received.at(-1)!;
      expect(got.headers['content-type']).toBe(FORM_CONTENT_TYPE);
      expect(got.headers['x-slack-request-timestamp']).toBe(String(EXAMPLE.timestamp));
      expect(got.headers['x-slack-signature']).toBe(slackSignature(EXAMPLE.secret, EXAMPLE.timestamp, got.body));
      expect(new URLSearchParams(got.body).get('text')).toBe('status & more');
    });

    it('sends events as JSON and interactions as a form with a JSON payload', async () => {
      await driver.event({ type: 'event_callback', event_id: 'Ev1' });
      expect(received.at(-1)!.headers['content-type']).toBe('application/json');
      await driver.interaction({ type: 'block_actions' });
      const form = received.at(-1)!;
      expect(form.headers['content-type']).toBe(FORM_CONTENT_TYPE);
      expect(JSON.parse(new URLSearchParams(form.body).get('payload')!)).toEqual({ type: 'block_actions' });
    });
  });
});
