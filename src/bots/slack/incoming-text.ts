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
  if (botUserId) text = dropLabelledMentions(text.split(`<@${botUserId}>`).join(' '), `<@${botUserId}|`);
  return unescapeSlackText(text).replace(/\s+/g, ' ').trim();
}

/**
 * Drops `<@U1|label>` tokens: each opener up to the first `>`. A scan with indexOf instead of /<@U1\|[^>]*>/g,
 * which rescans the rest of the text from every unclosed opener.
 */
function dropLabelledMentions(text: string, opener: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf(opener); at !== -1; at = text.indexOf(opener, from)) {
    const close = text.indexOf('>', at + opener.length);
    if (close === -1) break;
    out += `${text.slice(from, at)} `;
    from = close + 1;
  }
  return out + text.slice(from);
}
