import { NOT_UNDER_STRIKE, STRIKE_COMMAND_NAME } from './command-definitions.js';
import { DIGEST_COMMAND_NAME, DIGEST_CORE_COMMAND } from './digest-subcommands.js';
import { EDITOR_COMMAND_NAME } from './editor-subcommands.js';

/**
 * The core's command words as Discord spells them: "digest subscribe" is /strike-digest subscribe, the editors'
 * commands and forms (update, correct, verify, log, new, settle) are /strike-editor …, and the rest stay /strike ….
 */
export function discordCommandName(words: string): string {
  const [first = '', ...rest] = words.trim().split(' ');
  if (first === DIGEST_CORE_COMMAND) return [`/${DIGEST_COMMAND_NAME}`, ...rest].join(' ');
  const command = NOT_UNDER_STRIKE.includes(first) ? EDITOR_COMMAND_NAME : STRIKE_COMMAND_NAME;
  return `/${command} ${words.trim()}`;
}
