import type { Origin } from './command-spec.js';

const STRIKE_PREFIX = '/strike ';

/**
 * A command as the person reading the reply would type it: `words` are the core's ("digest subscribe",
 * "correct 7 retract <reason>") and the adapter's `origin.commandName` spells them (Discord splits /strike in three).
 */
export function commandName(origin: Pick<Origin, 'commandName'> | undefined, words: string): string {
  return origin?.commandName?.(words) ?? `${STRIKE_PREFIX}${words}`;
}

/** A spec's example ("/strike digest subscribe 08:30 Europe/London") in the reader's spelling. */
export function spellExample(origin: Pick<Origin, 'commandName'> | undefined, example: string): string {
  return example.startsWith(STRIKE_PREFIX) ? commandName(origin, example.slice(STRIKE_PREFIX.length)) : example;
}
