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

export const TEST_EXTENSIONS = [echoCommand, whoamiCommand, boomCommand];
