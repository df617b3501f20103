import { StartupError } from './startup-error.js';

/**
 * Words for a failure while a platform or server starts, given what was being started: a port in use or not
 * allowed, or Slack refusing the app-level token (the bot token was checked before, so invalid_auth here is it).
 */
export function explainStartFailure(err: unknown, what: { portVariable?: 'PORT' | 'HEALTH_PORT'; port?: number; host?: string; slackAppToken?: boolean }): unknown {
  const code = (err as { code?: string }).code;
  const where = `${what.host ?? 'every interface'} port ${what.port}`;
  if (what.portVariable && code === 'EADDRINUSE') return new StartupError(`${what.portVariable} ${what.port} is already in use (on ${where}): stop the other process or set ${what.portVariable} to a free port`);
  if (what.portVariable && code === 'EACCES') return new StartupError(`${what.portVariable} ${what.port} needs privileges to listen on: use a port above 1023`);
  if (what.portVariable && code === 'EADDRNOTAVAIL') return new StartupError(`HOST ${what.host} is not an address of this machine: set HOST to one of its addresses, or leave it empty`);
  const slackError = (err as { data?: { error?: string } }).data?.error;
  if (what.slackAppToken && slackError) {
    return new StartupError(`Slack refused SLACK_APP_TOKEN (${slackError}): create an app-level token with connections:write under Basic Information > App-Level Tokens, and enable Socket Mode`);
  }
  return err;
}
