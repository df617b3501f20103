import { unescapeSlackText } from './escape-mrkdwn.js';

/** The text after /strike as the user typed it (Slack escapes &, < and > on the way in). */
export function readSlashText(raw: string | undefined): string {
  return unescapeSlackText(raw ?? '').trim();
}

/**
 * The question in a mention or direct message, without the bot's own mention. The mention is removed before
 * unescaping, so only a real mention token (not typed text that looks like one) is dropped.
 */
export function readMessageText(raw: string | undefined, botUserId: string | undefined): string {
  let text = raw ?? '';
  if (botUserId) text = text.split(`<@${botUserId}>`).join(' ').replace(new RegExp(`<@${escapeRegExp(botUserId)}\\|[^>]*>`, 'g'), ' ');
  return unescapeSlackText(text).replace(/\s+/g, ' ').trim();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
