import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/bots/discord/deploy-commands.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { FAKE_IDS } from '../fakes/discord-fake-payloads.js';
import { testContext } from './bot-harness.js';

const run = promisify(execFile);
const ctx = testContext();
const SCRIPT = fileURLToPath(new URL('../../src/bots/discord/deploy-commands.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url))).href;

let fake: FakeDiscord;
let emptyDir: string;
beforeAll(async () => {
  fake = await startFakeDiscord();
  // The script loads .env from its working directory; an empty one keeps a developer's real settings out.
  emptyDir = mkdtempSync(join(tmpdir(), 'strikewire-deploy-'));
});
afterAll(async () => {
  await fake?.close();
  rmSync(emptyDir, { recursive: true, force: true });
});

/** Calls made since `from`, as "METHOD route". */
function callsSince(from: number): string[] {
  return fake.calls.slice(from).map((c) => c.route);
}

describe('deployCommands', () => {
  it('registers /strike, /strike-digest and /strike-editor and the editors’ message command in one server with a single bulk PUT', async () => {
    const from = fake.calls.length;
    const result = await deployCommands(ctx, { token: 'deploy.token', applicationId: FAKE_IDS.application, guildId: FAKE_IDS.guild, apiUrl: fake.apiUrl });
    expect(result).toEqual({ scope: 'guild', applicationId: FAKE_IDS.application, commands: ['strike', 'strike-digest', 'strike-editor', 'Draft update from this message'] });
    expect(callsSince(from)).toEqual([FAKE_ROUTES.putGuildCommands]);
    const put = fake.calls[from]!;
    expect(put.params).toMatchObject({ app: FAKE_IDS.application, guild: FAKE_IDS.guild });
    expect(put.authorization).toBe('Bot deploy.token');
    expect(put.body).toHaveLength(4);
    expect(put.body[0]).toMatchObject({ name: 'strike', type: 1 });
    // Hidden from everyone but administrators until a server grants it to its editors' role.
    expect(put.body[3]).toMatchObject({ name: 'Draft update from this message', type: 3, default_member_permissions: '0' });
  });

  it('registers globally with a single bulk PUT when no server is given', async () => {
    const from = fake.calls.length;
    const result = await deployCommands(ctx, { token: 'deploy.token', applicationId: FAKE_IDS.application, apiUrl: fake.apiUrl });
    expect(result.scope).toBe('global');
    expect(callsSince(from)).toEqual([FAKE_ROUTES.putGlobalCommands]);
  });

  it('looks the application up from the token when its id is not configured', async () => {
    const from = fake.calls.length;
    const result = await deployCommands(ctx, { token: 'deploy.token', guildId: FAKE_IDS.guild, apiUrl: fake.apiUrl });
    expect(result.applicationId).toBe(FAKE_IDS.application);
    expect(callsSince(from)).toEqual(['GET /applications/@me', FAKE_ROUTES.putGuildCommands]);
  });
});

describe('npm run discord:deploy (the script)', () => {
  const env = (extra: Record<string, string>) => ({ PATH: process.env.PATH ?? '', DISCORD_TOKEN: 'script.token', DISCORD_APPLICATION_ID: FAKE_IDS.application, DISCORD_API_URL: fake.apiUrl, ...extra });

  it('sends exactly one bulk PUT to the guild route and prints the invite link', async () => {
    const from = fake.calls.length;
    const { stdout } = await run(process.execPath, ['--import', TSX_LOADER, SCRIPT], { cwd: emptyDir, env: env({ DISCORD_GUILD_ID: FAKE_IDS.guild }), timeout: 15_000 });
    expect(callsSince(from)).toEqual([FAKE_ROUTES.putGuildCommands]);
    expect(fake.calls[from]!.authorization).toBe('Bot script.token');
    // What `npm start` answers: the reading subcommands under /strike, the digest and editor commands beside it.
    const [strike, digest, editor] = fake.calls[from]!.body as { name: string; options: { name: string; type: number }[] }[];
    expect(strike!.options.map((o) => `${o.name}:${o.type}`)).toEqual(expect.arrayContaining(['status:1', 'proposal:1', 'ask:1']));
    expect(strike!.options.map((o) => o.name)).not.toContain('digest');
    expect(digest!.options.map((o) => o.name)).toEqual(['subscribe', 'unsubscribe', 'preview', 'status']);
    expect(editor!.options.map((o) => o.name)).toEqual(['update', 'new', 'settle', 'correct', 'verify', 'log']);
    expect(stdout).toContain('Registered /strike, /strike-digest, /strike-editor');
    expect(stdout).toContain(`in server ${FAKE_IDS.guild}`);
    expect(stdout).toContain(`https://discord.com/oauth2/authorize?client_id=${FAKE_IDS.application}&scope=bot+applications.commands&permissions=`);
    expect(stdout).not.toContain('script.token');
  });

  it('fails with a clear message and no request when the token is missing', async () => {
    const from = fake.calls.length;
    const failure = await run(process.execPath, ['--import', TSX_LOADER, SCRIPT], { cwd: emptyDir, env: env({ DISCORD_TOKEN: '' }), timeout: 15_000 }).catch((e: { code: number; stderr: string }) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('Set DISCORD_TOKEN');
    expect(callsSince(from)).toEqual([]);
  });
});
