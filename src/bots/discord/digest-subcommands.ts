import { ApplicationIntegrationType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { ParsedText } from '../../core/commands/registry.js';
import { cleanInput } from '../../core/commands/registry.js';
import type { StrikeInvocation } from './parse-interaction.js';

/** The Discord command for managing a channel's daily digest. */
export const DIGEST_COMMAND_NAME = 'strike-digest';
/** The core command it runs. */
export const DIGEST_CORE_COMMAND = 'digest';
/** The digest actions that write (and so are claimed on the interaction id). */
const WRITING_ACTIONS = ['subscribe', 'unsubscribe'];

/**
 * `/strike-digest subscribe [time] [zone] | unsubscribe | preview | status`. Hidden from members without Manage
 * Channels (default_member_permissions), which server admins can widen per role or channel; the core still checks
 * Manage Channels in the channel before subscribing. Server only: a digest belongs to a server channel.
 */
export function buildDigestCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(DIGEST_COMMAND_NAME)
    .setDescription('Daily digest of the dispute in this channel (channel managers)')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  command
    .addSubcommand((sub) =>
      sub
        .setName('subscribe')
        .setDescription('Post the daily digest in this channel')
        .addStringOption((o) => o.setName('time').setDescription('Local time, 24-hour HH:MM (default 09:00)').setMinLength(3).setMaxLength(8))
        .addStringOption((o) => o.setName('zone').setDescription('Time zone, such as Europe/London or America/New_York').setMaxLength(64).setAutocomplete(true)),
    )
    .addSubcommand((sub) => sub.setName('unsubscribe').setDescription('Stop the daily digest in this channel'))
    .addSubcommand((sub) => sub.setName('preview').setDescription('See the digest as it would be posted now, privately'))
    .addSubcommand((sub) => sub.setName('status').setDescription('Schedule, next digest, last delivery and any problem'));
  return command;
}

/** `/strike-digest subscribe time:08:30 zone:Europe/London` as the core reads it: digest "subscribe 08:30 Europe/London". */
export function parseDigestInvocation(invocation: StrikeInvocation): ParsedText {
  const values = ['time', 'zone'].map((name) => cleanInput(String(invocation.options[name] ?? '')).replace(/\s+/g, '')).filter(Boolean);
  return { kind: 'command', name: DIGEST_CORE_COMMAND, args: [invocation.subcommand, ...values].join(' ').trim() };
}

/** Whether a parsed digest command subscribes or unsubscribes. */
export function writesDigest(parsed: ParsedText): boolean {
  return parsed.kind === 'command' && parsed.name === DIGEST_CORE_COMMAND && WRITING_ACTIONS.includes(parsed.args.split(' ')[0] ?? '');
}
