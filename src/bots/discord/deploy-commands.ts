import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import { commandDefinitionsJSON } from './command-definitions.js';
import { draftMenuJSON } from './draft-menu-command.js';
import { describeError } from './discord-logger.js';
import { inviteUrl, userInstallUrl } from './invite-link.js';

/** Where and as whom to register the commands. */
export interface DeployOptions {
  token: string;
  /** Looked up from the token (GET /applications/@me) when not given. */
  applicationId?: string;
  /** One server (instant, for testing) when set; every server (global) otherwise. */
  guildId?: string;
  /** REST base without version; Discord's own by default. */
  apiUrl?: string;
}

/** What a deployment did. */
export interface DeployResult {
  scope: 'guild' | 'global';
  applicationId: string;
  commands: string[];
}

/**
 * Registers /strike, /strike-digest and /strike-editor and the editors' message command with one bulk overwrite (PUT), which replaces whatever was
 * registered before in that scope (an older /strike with digest and editor subcommands included). Run by
 * `npm run discord:deploy`, never at start-up: creating commands is limited per day.
 */
export async function deployCommands(ctx: CommandContext, options: DeployOptions): Promise<DeployResult> {
  const rest = new REST({ ...(options.apiUrl ? { api: options.apiUrl } : {}), retries: 1 }).setToken(options.token);
  const applicationId = options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
  const route = options.guildId ? Routes.applicationGuildCommands(applicationId, options.guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: [...commandDefinitionsJSON(ctx), draftMenuJSON()] })) as { name: string }[];
  return { scope: options.guildId ? 'guild' : 'global', applicationId, commands: registered.map((c) => c.name) };
}

async function main(): Promise<void> {
  await import('dotenv/config');
  const { parseEnv } = await import('../../env.js');
  const { loadContext } = await import('../../core/create-context.js');
  const { WGA_2023_PACK_DIR } = await import('../../content/packs.js');
  const env = parseEnv(process.env);
  if (!env.DISCORD_TOKEN) throw new Error('Set DISCORD_TOKEN (the bot token from the Developer Portal) to register /strike.');
  // The reading commands come from the pack's core; /strike-digest and /strike-editor are defined by this adapter,
  // so nothing here opens a database or loads the digest wiring (and through it the Slack poster).
  const ctx = loadContext(env.KNOWLEDGE_PACK ?? WGA_2023_PACK_DIR);
  const result = await deployCommands(ctx, {
    token: env.DISCORD_TOKEN,
    ...(env.DISCORD_APPLICATION_ID ? { applicationId: env.DISCORD_APPLICATION_ID } : {}),
    ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
    ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
  });
  const where = result.scope === 'guild' ? `in server ${env.DISCORD_GUILD_ID} (available now)` : 'globally (may take a few minutes to appear)';
  process.stdout.write(
    `Registered /${result.commands.join(', /')} ${where}.\nInvite link (servers): ${inviteUrl(result.applicationId)}\nAdd to your account (DMs and private channels): ${userInstallUrl(result.applicationId)}\n`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    // describeError never includes request URLs or the token.
    process.stderr.write(`discord:deploy failed: ${describeError(err)}\n`);
    process.exit(1);
  });
}
