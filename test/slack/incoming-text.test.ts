import { describe, expect, it } from 'vitest';
import { readMessageText, readSlashText } from '../../src/bots/slack/incoming-text.js';

describe('incoming text', () => {
  it('undoes Slack’s escaping of slash command text', () => {
    expect(readSlashText('  ask what about A &amp; B &lt;3 ')).toBe('ask what about A & B <3');
    expect(readSlashText(undefined)).toBe('');
  });

  it('strips the bot’s own mention, in either token form, and nobody else’s', () => {
    expect(readMessageText('<@U0BOT> what is the viewership residual?', 'U0BOT')).toBe('what is the viewership residual?');
    expect(readMessageText('hey <@U0BOT|strikewire>, status', 'U0BOT')).toBe('hey , status');
    expect(readMessageText('<@U0BOT> ask <@U123> about <!channel>', 'U0BOT')).toBe('ask <@U123> about <!channel>');
  });

  it('does not treat typed text that looks like a mention as one', () => {
    // Slack escapes what the user typed, so only a real token is removed.
    expect(readMessageText('&lt;@U0BOT&gt; status', 'U0BOT')).toBe('<@U0BOT> status');
  });

  it('keeps the text when the bot id is unknown', () => {
    expect(readMessageText('<@U0BOT> status', undefined)).toBe('<@U0BOT> status');
  });
});
