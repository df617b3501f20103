import { describe, expect, it } from 'vitest';
import { parseDigestInvocation, writesDigest } from '../../src/bots/discord/digest-subcommands.js';
import { parseEditorInvocation } from '../../src/bots/discord/editor-subcommands.js';
import { zoneChoices } from '../../src/bots/discord/zone-autocomplete.js';

describe('/strike-digest as the core reads it', () => {
  it('joins the action and its options in order, dropping blanks and spaces inside values', () => {
    expect(parseDigestInvocation({ subcommand: 'subscribe', options: { zone: 'Europe/London', time: '08:30' } })).toEqual({ kind: 'command', name: 'digest', args: 'subscribe 08:30 Europe/London' });
    expect(parseDigestInvocation({ subcommand: 'subscribe', options: { time: ' 9 am ' } })).toEqual({ kind: 'command', name: 'digest', args: 'subscribe 9am' });
    expect(parseDigestInvocation({ subcommand: 'status', options: {} })).toEqual({ kind: 'command', name: 'digest', args: 'status' });
  });

  it('counts subscribe and unsubscribe as writes, preview and status not', () => {
    const writes = (subcommand: string) => writesDigest(parseDigestInvocation({ subcommand, options: {} }));
    expect(['subscribe', 'unsubscribe', 'preview', 'status'].map(writes)).toEqual([true, true, false, false]);
  });
});

describe('/strike-editor as the core reads it', () => {
  it('maps typed options to the core commands’ text', () => {
    expect(parseEditorInvocation({ subcommand: 'update', options: { unverified: true } })).toEqual({ kind: 'command', name: 'update', args: 'unverified' });
    expect(parseEditorInvocation({ subcommand: 'update', options: { unverified: false } })).toEqual({ kind: 'command', name: 'update', args: '' });
    expect(parseEditorInvocation({ subcommand: 'correct', options: { id: 7, action: 'retract', reason: 'they did not meet' } })).toEqual({ kind: 'command', name: 'correct', args: '7 retract they did not meet' });
    expect(parseEditorInvocation({ subcommand: 'verify', options: { id: 12 } })).toEqual({ kind: 'command', name: 'verify', args: '12' });
    expect(parseEditorInvocation({ subcommand: 'log', options: {} })).toEqual({ kind: 'command', name: 'log', args: '' });
  });

  it('reads a subcommand it does not know as unknown, and strips control characters from the reason', () => {
    expect(parseEditorInvocation({ subcommand: 'purge', options: {} })).toEqual({ kind: 'unknown', word: 'purge' });
    expect(parseEditorInvocation({ subcommand: 'correct', options: { id: 3, action: 'amend', reason: 'typo\u0000\u202e' } })).toEqual({ kind: 'command', name: 'correct', args: '3 amend typo' });
  });
});

describe('time zone suggestions', () => {
  it('puts city matches first, accepts spaces for underscores, and caps at 25', () => {
    expect(zoneChoices('los ang')[0]).toEqual({ name: 'America/Los_Angeles', value: 'America/Los_Angeles' });
    expect(zoneChoices('Europe/').length).toBe(25);
    expect(zoneChoices('')).toHaveLength(25);
    expect(zoneChoices('utc')[0]?.value).toBe('UTC');
    expect(zoneChoices('no such place')).toEqual([]);
  });

  it('only suggests zones the digest accepts', () => {
    for (const { value } of zoneChoices('america')) expect(() => new Intl.DateTimeFormat('en-US', { timeZone: value })).not.toThrow();
  });

  it('suggests nothing for text longer than any zone name, whatever its length', () => {
    expect(zoneChoices('a'.repeat(10_000))).toEqual([]);
  });
});
