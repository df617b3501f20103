import type { Message } from 'discord.js';
import { runCommandText } from '../../core/commands/registry.js';
import { noteReply } from '../../core/updates/editor-replies.js';
import type { HandlerContext } from './handler-context.js';
import { originFromMessage } from './origin.js';
import { renderDiscordMessages } from './render-embeds.js';

/** True when a message is for the bot: any DM, or a channel/thread message that mentions the bot or its role. */
export function isAddressedToBot(message: Message, botId: string): boolean {
  if (!message.inGuild()) return true;
  if (message.mentions.users.has(botId)) return true;
  const botRole = message.guild.members.me?.roles.botRole;
  return botRole !== undefined && botRole !== null && message.mentions.roles.has(botRole.id);
}

/** The question without the bot's own mention ("<@id> where do talks stand?" -> "where do talks stand?"). */
export function stripBotMention(content: string, botId: string, botRoleId?: string): string {
  const ids = [botId, ...(botRoleId ? [botRoleId] : [])].join('|');
  return content.replace(new RegExp(`<@[!&]?(?:${ids})>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Answers a mention in a channel or thread, or a DM, as a reply to that message: "status" and the other command
 * words run the command, anything else is a question. Bots (this one included) are ignored. Without the
 * privileged Message Content intent, a message that mentions only the bot's role arrives with no text: the bot
 * says how to reach it instead of guessing.
 */
export async function answerMessage(h: HandlerContext, message: Message): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot || message.system || message.webhookId || !isAddressedToBot(message, botId)) return;
  const roleId = message.inGuild() ? message.guild.members.me?.roles.botRole?.id : undefined;
  const unreadable = message.inGuild() && message.content === '' && !message.mentions.users.has(botId);
  const reply = unreadable
    ? noteReply(h.ctx, 'I could not read that message', `Discord only shows me messages that mention me by name. Type @${message.client.user.username} and pick the bot (not its role), or use /strike.`)
    : await runCommandText(h.ctx, stripBotMention(message.content, botId, roleId), originFromMessage(message));
  const [first, ...rest] = renderDiscordMessages(reply);
  if (!first) return;
  await message.reply({ ...first, failIfNotExists: false });
  for (const payload of rest) {
    if (message.channel.isSendable()) await message.channel.send(payload);
  }
}
