import { ApplicationIntegrationType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { cleanInput, type ParsedText } from '../../core/commands/registry.js';
import { MAX_REASON_CHARS } from '../../core/updates/editor-desk.js';
import type { StrikeInvocation } from './parse-interaction.js';

/** The Discord command for editors. */
export const EDITOR_COMMAND_NAME = 'strike-editor';

/** The shortest correction reason worth printing in a corrected digest. */
export const MIN_CORRECTION_REASON_CHARS = 3;

/**
 * `/strike-editor update [unverified] | new kind | settle [proposal] | correct id action reason | verify id | log`. default_member_permissions "0"
 * hides it from everyone but admins until they grant it to the editors' role (Server Settings > Integrations);
 * the bot still checks EDITORS_DISCORD on every use. Options are typed, so Discord itself refuses a non-number id.
 */
export function buildEditorCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(EDITOR_COMMAND_NAME)
    .setDescription('Editors: keep what Strikewire says current')
    .setDefaultMemberPermissions('0')
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  command
    .addSubcommand((sub) =>
      sub
        .setName('update')
        .setDescription('Add a new development (opens a form)')
        .addBooleanOption((o) => o.setName('unverified').setDescription('Start the form marked unverified (a rumour or leak)')),
    )
    .addSubcommand((sub) =>
      sub
        .setName('new')
        .setDescription('Add a proposal, a person or a party (opens a form)')
        .addStringOption((o) =>
          o
            .setName('kind')
            .setDescription('What to add')
            .setRequired(true)
            .addChoices({ name: 'proposal', value: 'proposal' }, { name: 'person', value: 'person' }, { name: 'party', value: 'party' }),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('settle')
        .setDescription('Record that a proposal was agreed or withdrawn, with its outcome (opens a form)')
        .addStringOption((o) => o.setName('name').setDescription('The proposal; leave empty to choose in the form').setMaxLength(100)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('correct')
        .setDescription('Amend or retract an update; posted digests are edited')
        .addIntegerOption((o) => o.setName('id').setDescription('The update id, as /strike-editor log shows it').setRequired(true).setMinValue(1))
        .addStringOption((o) =>
          o
            .setName('action')
            .setDescription('Amend (opens the form with its content) or retract')
            .setRequired(true)
            .addChoices({ name: 'amend', value: 'amend' }, { name: 'retract', value: 'retract' }),
        )
        .addStringOption((o) =>
          o.setName('reason').setDescription('Why, in a few words; printed in corrected digests').setRequired(true).setMinLength(MIN_CORRECTION_REASON_CHARS).setMaxLength(MAX_REASON_CHARS),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('verify')
        .setDescription('Mark an unverified update verified')
        .addIntegerOption((o) => o.setName('id').setDescription('The update id, as /strike-editor log shows it').setRequired(true).setMinValue(1)),
    )
    .addSubcommand((sub) => sub.setName('log').setDescription('Recent updates and corrections, with authors and times'));
  return command;
}

/** The core's editor command for a /strike-editor invocation: correct id:7 action:retract reason:… -> correct "7 retract …". */
export function parseEditorInvocation(invocation: StrikeInvocation): ParsedText {
  const o = invocation.options;
  const text = (name: string) => cleanInput(String(o[name] ?? ''));
  switch (invocation.subcommand) {
    case 'update':
      return { kind: 'command', name: 'update', args: o.unverified === true ? 'unverified' : '' };
    case 'new':
      return { kind: 'command', name: 'new', args: text('kind') };
    case 'settle':
      return { kind: 'command', name: 'settle', args: text('name') };
    case 'correct':
      return { kind: 'command', name: 'correct', args: `${text('id')} ${text('action')} ${text('reason')}`.trim() };
    case 'verify':
      return { kind: 'command', name: 'verify', args: text('id') };
    case 'log':
      return { kind: 'command', name: 'log', args: '' };
    default:
      return { kind: 'unknown', word: invocation.subcommand || EDITOR_COMMAND_NAME };
  }
}
