/** Extension commands used by the end-to-end tests to observe what the adapter passes to the core. */
import type { CommandSpec } from '../../src/core/commands/command-spec.js';
import { ReplyBuilder } from '../../src/core/reply/reply-builder.js';

/** Echoes its argument as the reply text, so a test sees exactly what reached the core. */
export const echoCommand: CommandSpec = {
  name: 'echo',
  arg: { name: 'text', description: 'Text to echo', required: true },
  summary: 'Echoes text (tests only).',
  example: '/strike echo hello',
  run: (ctx, args) => new ReplyBuilder(ctx.knowledge, 'echo', `Echo: ${args}`).text(args).build(),
};

/** Stands in for the digest command (same name and argument) and echoes what the adapter passed it. */
export const fakeDigestCommand: CommandSpec = {
  name: 'digest',
  arg: { name: 'action', description: 'subscribe [HH:MM] [zone], unsubscribe, preview or status', required: false },
  summary: 'Daily digest (tests only).',
  example: '/strike digest subscribe 08:30 Europe/London',
  run: (ctx, args) => new ReplyBuilder(ctx.knowledge, 'digest', 'Digest').text(`action: ${args}`).build(),
};

/** Replies for the whole channel, as a digest subscription confirmation does. */
export const announceCommand: CommandSpec = {
  name: 'announce',
  arg: { name: 'text', description: 'Text to announce', required: true },
  summary: 'Announces text to the channel (tests only).',
  example: '/strike announce hello',
  run: (ctx, args) => new ReplyBuilder(ctx.knowledge, 'announce', 'Announcement').text(args).build({ visibility: 'channel' }),
};

/** Reports who asked, where, and whether the adapter says they may manage the channel. */
export const whoamiCommand: CommandSpec = {
  name: 'whoami',
  summary: 'Who am I to the bot (tests only).',
  example: '/strike whoami',
  async run(ctx, _args, origin) {
    const manage = (await origin.canManageChannel?.()) ? 'yes' : 'no';
    return new ReplyBuilder(ctx.knowledge, 'whoami', `user ${origin.userId} in ${origin.channelId} on ${origin.platform}`).text(`manage: ${manage}`).build();
  },
};

/** Fails like a core bug would. */
export const boomCommand: CommandSpec = {
  name: 'boom',
  summary: 'Throws (tests only).',
  example: '/strike boom',
  run: () => {
    throw new Error('core exploded');
  },
};

export const TEST_EXTENSIONS = [echoCommand, announceCommand, whoamiCommand, boomCommand, fakeDigestCommand];
