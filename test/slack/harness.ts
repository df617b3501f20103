import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { loadContext } from '../../src/core/create-context.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../src/bots/slack/create-slack-app.js';
import { RecordingLogger } from '../fakes/slack-recording-logger.js';
import { SlackRequestDriver } from '../fakes/slack-signing.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';

export const BOT_TOKEN = 'xoxb-test-bot-token-0000';
export const SIGNING_SECRET = 'test-signing-secret-for-strikewire';
/** The day after the shipped pack's last fact, so replies carry no staleness notice. */
export const NOW = '2023-08-05T12:00:00Z';

/** The shipped pack with a pinned clock. */
export function testContext(extra: Partial<CommandContext> = {}): CommandContext {
  return { ...loadContext(WGA_2023_PACK_DIR, { clock: fixedClock(NOW) }), ...extra };
}

/** Fast, bounded Web API retries for tests (platform-facts: the default retries for half an hour). */
export const TEST_RETRY = { retries: 2, minTimeout: 10, maxTimeout: 20 };

/** A real Bolt app in HTTP mode on a loopback port, its client pointed at a fake Web API. */
export interface HttpHarness {
  fake: FakeSlackWebApi;
  slack: SlackApp;
  driver: SlackRequestDriver;
  logger: RecordingLogger;
  ctx: CommandContext;
  close(): Promise<void>;
}

export async function startHttpHarness(options: { ctx?: CommandContext; app?: Partial<SlackAppOptions> } = {}): Promise<HttpHarness> {
  const fake = await startFakeSlackWebApi();
  const logger = new RecordingLogger();
  const ctx = options.ctx ?? testContext();
  const slack = createSlackApp(ctx, {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl: fake.apiUrl,
    logger,
    retryConfig: TEST_RETRY,
    clock: fixedClock(NOW),
    ...options.app,
  });
  const { port } = await slack.start({ port: 0, host: '127.0.0.1' });
  const driver = new SlackRequestDriver(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  return {
    fake,
    slack,
    driver,
    logger,
    ctx,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}
