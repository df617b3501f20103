import { MessageFlags, type APIActionRowComponent, type APIButtonComponent, type RepliableInteraction } from 'discord.js';
import type { DiscordMessagePayload } from './discord-limits.js';

type ButtonRow = APIActionRowComponent<APIButtonComponent>;

/** What the asker sees privately when the answer itself went to the whole channel. */
export const POSTED_PUBLICLY_NOTE = 'Posted in this channel for everyone.';

/**
 * Completes a deferred private reply: the first message edits @original, the rest follow up privately, one after
 * another so the parts keep their order; buttons go under the last part.
 */
export async function deliverPrivately(interaction: RepliableInteraction, payloads: readonly DiscordMessagePayload[], components: ButtonRow[] = []): Promise<void> {
  const last = payloads.length - 1;
  for (const [i, payload] of payloads.entries()) {
    const rows = i === last ? components : [];
    if (i === 0) await interaction.editReply({ ...payload, components: rows });
    else await interaction.followUp({ ...payload, components: rows, flags: MessageFlags.Ephemeral });
  }
}

/**
 * Posts payloads for the whole channel as follow-ups without the ephemeral flag. Only call it once @original
 * has been answered (edited, or acknowledged with deferUpdate): a follow-up straight after a deferred reply
 * would edit that reply instead and stay private (developers/interactions/receiving-and-responding).
 */
export async function postPublicly(interaction: RepliableInteraction, payloads: readonly DiscordMessagePayload[]): Promise<void> {
  for (const payload of payloads) await interaction.followUp({ ...payload, components: [] });
}
