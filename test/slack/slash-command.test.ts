import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandResponse } from '../../src/bots/slack/handle-command.js';
import { SHARE_ACTION_ID } from '../../src/bots/slack/share-button.js';
import type { CommandSpec } from '../../src/core/commands/command-spec.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import { ReplyBuilder } from '../../src/core/reply/reply-builder.js';
import { buttonClick, slashCommand } from '../fakes/slack-payloads.js';
import { BOT_TOKEN, startHttpHarness, testContext, type HttpHarness } from './harness.js';
import { blocksOf, expectSafeMessage, headerOf, sectionTextsOf, shareValueOf, sourcesOf, textsOf } from './message-checks.js';

const ORIGIN = { platform: 'slack' as const, userId: 'U0MEMBER', channelId: 'C0NEWS' };
let seq = 0;

/** Sends /strike <text>, checks the immediate empty ack, and returns the answer posted to the response_url. */
async function strike(h: HttpHarness, text: string, userId = 'U0MEMBER') {
  const id = `cmd-${++seq}`;
  const res = await h.driver.command(slashCommand({ text, responseUrl: h.fake.responseUrl(id), userId }));
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('');
  return (await h.fake.waitForResponse((p) => p.id === id)).body;
}

/** The exact message the core's reply to this text should become. */
async function expected(h: HttpHarness, text: string) {
  const reply = await runCommandText(h.ctx, text, ORIGIN);
  return { reply, body: JSON.parse(JSON.stringify(commandResponse(reply, text))) as Record<string, unknown> };
}

const bullets = (body: Record<string, unknown>) => sectionTextsOf(body).flatMap((t) => t.split('\n')).filter((l) => l.startsWith('• ')).length;

describe('/strike through the real Bolt HTTP receiver', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(['status', 'proposals', 'proposal mini rooms', 'timeline', 'who Carol Lombardini', 'who the studios', 'sources', 'help', 'ask what did the AMPTP say about staffing?'])(
    '/strike %s: acked empty, then the core’s reply privately as Block Kit with a share button',
    async (text) => {
      const body = await strike(h, text);
      const want = await expected(h, text);
      expect(body.response_type).toBe('ephemeral');
      expect(body).toEqual(want.body);
      expect(want.reply.answered).toBe(true);
      expect(headerOf(body).length).toBeGreaterThan(0);
      expect(shareValueOf(body)).toBe(text);
      expectSafeMessage(body);
    },
  );

  it('shows each part of the dispute where it belongs', async () => {
    const { knowledge } = h.ctx;
    const status = await strike(h, 'status');
    expect(blocksOf(status).some((b) => b.type === 'section' && (b.fields?.length ?? 0) > 0)).toBe(true);
    expect(bullets(status)).toBe(knowledge.openProposals().length);
    expect(bullets(await strike(h, 'timeline'))).toBe(knowledge.events.length);
    expect(bullets(await strike(h, 'proposals'))).toBe(knowledge.pack.proposals.length);
    const sources = sourcesOf(await strike(h, 'sources'));
    expect(sources.filter((s) => /\[\d+\]/.test(s))).toHaveLength(knowledge.pack.sources.length);
  });

  it('answers /strike alone with the help, listing every command', async () => {
    const body = await strike(h, '');
    const help = await runCommandText(h.ctx, 'help', ORIGIN);
    expect(headerOf(body)).toBe(headerOf(JSON.parse(JSON.stringify(commandResponse(help, 'help')))));
    const fieldText = blocksOf(body).flatMap((b) => (b.type === 'section' ? (b.fields ?? []).map((f) => f.text) : [])).join('\n');
    for (const name of ['status', 'proposals', 'proposal', 'timeline', 'who', 'sources', 'ask', 'help']) expect(fieldText).toContain(`/strike ${name}`);
    expect(shareValueOf(body)).toBe('help');
  });

  it('answers a question in plain words with text and its sources', async () => {
    const body = await strike(h, 'what did the AMPTP say about staffing?');
    expect(body.response_type).toBe('ephemeral');
    const answer = sectionTextsOf(body).join('\n');
    expect(answer.trim().length).toBeGreaterThan(20);
    expect(sourcesOf(body)[0]).toMatch(/^Sources: \[1\]/);
    expect(shareValueOf(body)).toBe('what did the AMPTP say about staffing?');
    expectSafeMessage(body);
  });

  it('answers an unknown subcommand privately, without a share button', async () => {
    const body = await strike(h, 'stauts');
    const want = await expected(h, 'stauts');
    expect(want.reply.answered).toBe(false);
    expect(body).toEqual(want.body);
    expect(body.response_type).toBe('ephemeral');
    expect(shareValueOf(body)).toBeUndefined();
  });

  it('escapes mentions a user types into a question or a name', async () => {
    for (const text of ['what did <!channel> and <@U123> say about <!here>?', 'what did &lt;!channel&gt; and &lt;@U123&gt; say?']) {
      const body = await strike(h, text);
      // Everything Slack displays or parses; the button value is neither, and keeps the text to re-run.
      expect(textsOf(body).join('\n')).not.toMatch(/<!channel>|<!here>|<@U123>/);
      expectSafeMessage(body);
    }
    const echoed = await strike(h, 'proposal <!channel> <@U123>');
    expect(headerOf(echoed)).toContain('&lt;!channel&gt; &lt;@U123&gt;');
    expectSafeMessage(echoed);
  });

  it('shares in the channel by re-running the button’s command, not by trusting the clicked message', async () => {
    const privateAnswer = await strike(h, 'status');
    const value = shareValueOf(privateAnswer)!;
    const click = { ...buttonClick({ actionId: SHARE_ACTION_ID, value, responseUrl: h.fake.responseUrl('share-1'), channelId: 'C0NEWS' }), message: { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'FORGED <!channel>' } }] } };
    const res = await h.driver.interaction(click);
    expect(res.status).toBe(200);
    const post = await h.fake.waitForCall('chat.postMessage', (c) => c.body.channel === 'C0NEWS');
    expect(post.headers.authorization).toBe(`Bearer ${BOT_TOKEN}`);
    expect(headerOf(post.body)).toBe(headerOf(privateAnswer));
    expect(sourcesOf(post.body)).toEqual(sourcesOf(privateAnswer));
    expect(shareValueOf(post.body)).toBeUndefined();
    expect(JSON.stringify(post.body)).not.toContain('FORGED');
    const last = blocksOf(post.body).at(-1)!;
    expect(last.type === 'context' && JSON.stringify(last.elements)).toContain('Shared by <@U0MEMBER>');
    expectSafeMessage(post.body, ['<@U0MEMBER>']);
    const cleanup = await h.fake.waitForResponse((p) => p.id === 'share-1');
    expect(cleanup.body.delete_original).toBe(true);
  });

  it('tells the user privately when it may not post in the channel', async () => {
    h.fake.respondWith('chat.postMessage', { ok: false, error: 'not_in_channel' });
    await h.driver.interaction(buttonClick({ actionId: SHARE_ACTION_ID, value: 'timeline', responseUrl: h.fake.responseUrl('share-2'), channelId: 'C0PRIVATE' }));
    const answer = await h.fake.waitForResponse((p) => p.id === 'share-2');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(answer.body.replace_original).toBe(false);
    expect(String(answer.body.text)).toContain('/invite');
    expect(h.fake.responses.some((p) => p.id === 'share-2' && p.body.delete_original)).toBe(false);
  });
});

describe('acknowledging before the work', () => {
  let h: HttpHarness;
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const slow: CommandSpec = {
    name: 'slowtest',
    summary: 'Waits for the test to let it finish.',
    example: '/strike slowtest',
    run: async (ctx) => {
      await gate;
      return new ReplyBuilder(ctx.knowledge, 'slowtest', 'Finished').text('done').build();
    },
  };
  const broken: CommandSpec = {
    name: 'brokentest',
    summary: 'Throws, as a bug would.',
    example: '/strike brokentest',
    run: () => {
      throw new Error('bug in a command');
    },
  };
  beforeAll(async () => {
    h = await startHttpHarness({ ctx: testContext({ extensions: [slow, broken] }) });
  });
  afterAll(async () => {
    release();
    await h.close();
  });

  it('answers Slack’s request before a slow command finishes, then delivers through the response_url', async () => {
    const res = await h.driver.command(slashCommand({ text: 'slowtest', responseUrl: h.fake.responseUrl('slow') }));
    expect(res.status).toBe(200);
    expect(h.fake.responses.filter((p) => p.id === 'slow')).toHaveLength(0);
    release();
    const answer = await h.fake.waitForResponse((p) => p.id === 'slow');
    expect(headerOf(answer.body)).toBe('Finished');
  });

  it('turns a command that throws into a private apology, and logs the error', async () => {
    await h.driver.command(slashCommand({ text: 'brokentest', responseUrl: h.fake.responseUrl('broken') }));
    const answer = await h.fake.waitForResponse((p) => p.id === 'broken');
    expect(answer.body.response_type).toBe('ephemeral');
    expect(shareValueOf(answer.body)).toBeUndefined();
    expect(textsOf(answer.body).join(' ')).toMatch(/try again/i);
    await h.logger.waitFor(/A command failed: .*bug in a command/);
  });
});
