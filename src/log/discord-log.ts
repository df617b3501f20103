import type { Logger } from 'pino';
import type { DiscordLogger } from '../bots/discord/discord-logger.js';

/** The Discord adapter's logger interface over pino (field platform: discord). */
export function discordLog(logger: Logger): DiscordLogger {
  const child = logger.child({ platform: 'discord' });
  return {
    debug: (m) => child.debug(m),
    info: (m) => child.info(m),
    warn: (m) => child.warn(m),
    error: (m) => child.error(m),
  };
}
