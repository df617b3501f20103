import { ApplicationCommandOptionType, type ChatInputCommandInteraction, type SlashCommandSubcommandGroupBuilder } from 'discord.js';
import type { CommandSpec } from '../../core/commands/command-spec.js';
import { DIGEST_ACTION_ARG } from '../../core/digest/digest-command.js';
import { truncateText } from './escape-discord-text.js';
import type { StrikeInvocation } from './parse-interaction.js';

/** The core command that becomes a subcommand group on Discord. */
export const DIGEST_GROUP = 'digest';

// Discord's limit on descriptions.
const DESCRIPTION_MAX = 100;

/**
 * `/strike digest subscribe [time] [zone] | unsubscribe | preview | status`: on Discord the digest actions are real
 * subcommands with their own options, so members see what each takes instead of typing free text.
 */
export function buildDigestGroup(group: SlashCommandSubcommandGroupBuilder, spec: CommandSpec): SlashCommandSubcommandGroupBuilder {
  return group
    .setName(DIGEST_GROUP)
    .setDescription(truncateText(spec.summary, DESCRIPTION_MAX))
    .addSubcommand((sub) =>
      sub
        .setName('subscribe')
        .setDescription('Post the daily digest in this channel (Manage Channels needed)')
        .addStringOption((o) => o.setName('time').setDescription('Local time, 24-hour HH:MM (default 09:00)').setMaxLength(8))
        .addStringOption((o) => o.setName('zone').setDescription('IANA time zone, such as Europe/London or America/New_York').setMaxLength(64)),
    )
    .addSubcommand((sub) => sub.setName('unsubscribe').setDescription('Stop the daily digest in this channel (Manage Channels needed)'))
    .addSubcommand((sub) => sub.setName('preview').setDescription('See the digest as it would be posted now, privately'))
    .addSubcommand((sub) => sub.setName('status').setDescription('Schedule, next digest, last delivery and any problem'));
}

/** `/strike digest subscribe time:08:30 zone:Europe/London` as the core reads it: digest "subscribe 08:30 Europe/London". */
export function digestInvocation(interaction: ChatInputCommandInteraction): StrikeInvocation | undefined {
  const group = interaction.options.data[0];
  if (group?.type !== ApplicationCommandOptionType.SubcommandGroup || group.name !== DIGEST_GROUP) return undefined;
  const action = group.options?.[0];
  if (!action) return { subcommand: DIGEST_GROUP, options: {} };
  const values = (action.options ?? []).map((o) => String(o.value ?? '').trim()).filter(Boolean);
  return { subcommand: DIGEST_GROUP, options: { [DIGEST_ACTION_ARG]: [action.name, ...values].join(' ') } };
}
