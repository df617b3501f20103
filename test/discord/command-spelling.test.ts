import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitionsJSON } from '../../src/bots/discord/command-definitions.js';
import { discordCommandName } from '../../src/bots/discord/command-spelling.js';
import { originFromInteraction } from '../../src/bots/discord/origin.js';
import type { Origin } from '../../src/core/commands/command-spec.js';
import { runCommandText } from '../../src/core/commands/registry.js';
import { createDigestCommand } from '../../src/core/digest/digest-command.js';
import { formRequest } from '../../src/core/forms/form-registry.js';
import type { Reply } from '../../src/core/reply/reply.js';
import { DigestSubscriptions } from '../../src/scheduler/digest-subscriptions.js';
import { DeliveryStore } from '../../src/store/delivery-store.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { SubscriptionStore } from '../../src/store/subscription-store.js';
import { meetingUpdate, origin as slackOrigin, startDesk, type DeskHarness } from '../editors/support.js';

let h: DeskHarness;
let digestStore: Store | undefined;
afterEach(async () => {
  await h?.db.close();
  await digestStore?.close();
  digestStore = undefined;
});

/** A desk with the digest command too, as the running bot has it (its subscriptions in a store of their own). */
async function start(): Promise<DeskHarness> {
  h = await startDesk();
  digestStore = await openStore({ databasePath: ':memory:' });
  const subscriptions = new DigestSubscriptions(new SubscriptionStore(digestStore), new DeliveryStore(digestStore), h.ctx.clock);
  h.ctx.extensions = [...(h.ctx.extensions ?? []), createDigestCommand({ subscriptions, defaultTimeZone: 'America/Los_Angeles' })];
  return h;
}

const discordEditor = (): Origin => ({
  ...originFromInteraction({ user: { id: '112233445566778899' }, channelId: '998877665544332211', memberPermissions: new PermissionsBitField([PermissionFlagsBits.ManageChannels]) }),
  isEditor: async () => true,
});

// Every reply that names a command for the reader to run next.
const LINES = ['help', 'digest', 'digest fortnightly', 'digest status', 'digest subscribe', 'correct', 'correct seven', 'correct 7 fix', 'correct 99 retract it was wrong', 'verify', 'verify 99', 'digets'];

async function repliesFor(origin: Origin): Promise<string[]> {
  const texts = await Promise.all(LINES.map(async (line) => (await runCommandText(h.ctx, line, origin)).fallbackText));
  const stored = await h.desk.submit(h.ctx, meetingUpdate({ stance: undefined, unverified: true }), origin);
  const forms = [formRequest('new', 'gadget', h.ctx, origin), formRequest('settle', 'free parking', h.ctx, origin)];
  return [...texts, (stored as { reply: Reply }).reply.fallbackText, ...forms.map((f) => (f.ok ? '' : f.problem))];
}

/** Each "/command subcommand" a text tells the reader to run. */
function commandsNamed(text: string): { command: string; sub: string }[] {
  return [...text.matchAll(/\/(strike(?:-[a-z]+)?) ([a-z]+)/g)].map((m) => ({ command: m[1]!, sub: m[2]! }));
}

describe('command names in replies', () => {
  it('on Discord, names only commands and subcommands that are registered there', async () => {
    await start();
    const registered = new Map(commandDefinitionsJSON(h.ctx).map((c) => [c.name, new Set((c.options ?? []).map((o) => o.name))]));
    const named = (await repliesFor(discordEditor())).flatMap(commandsNamed);
    expect(named.length).toBeGreaterThan(20);
    for (const { command, sub } of named) expect(registered.get(command)?.has(sub), `/${command} ${sub}`).toBe(true);
    // The split commands are actually named, not just avoided.
    expect(named).toContainEqual({ command: 'strike-digest', sub: 'subscribe' });
    expect(named).toContainEqual({ command: 'strike-editor', sub: 'verify' });
    expect(named).toContainEqual({ command: 'strike-editor', sub: 'settle' });
  });

  it('on Slack, keeps /strike digest … and /strike verify …', async () => {
    await start();
    const texts = (await repliesFor({ ...slackOrigin(true), canManageChannel: async () => true })).join('\n');
    expect(texts).toContain('/strike digest subscribe [HH:MM] [time zone]');
    expect(texts).toMatch(/until an editor runs \/strike verify \d+/);
    expect(texts).toContain('Use /strike new proposal, /strike new person or /strike new party.');
    expect(texts).not.toMatch(/strike-(digest|editor)/);
  });

  it('spells each family its own way on Discord', () => {
    expect(discordCommandName('digest subscribe 08:30')).toBe('/strike-digest subscribe 08:30');
    expect(discordCommandName('correct 7 retract <reason>')).toBe('/strike-editor correct 7 retract <reason>');
    expect(discordCommandName('new person')).toBe('/strike-editor new person');
    expect(discordCommandName('proposal mini rooms')).toBe('/strike proposal mini rooms');
  });
});
