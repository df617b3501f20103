import { MessageFlags, type APIActionRowComponent, type APIButtonComponent, type RepliableInteraction } from 'discord.js';
import type { DiscordMessagePayload } from './discord-limits.js';

/** How to deliver an answer to a deferred interaction. */
export interface DeliveryOptions {
  ephemeral: boolean;
  /** Buttons placed under the last message of the answer. */
  components?: APIActionRowComponent<APIButtonComponent>[];
}

/**
 * Completes a deferred interaction: the first message edits the deferred reply (@original), the rest are
 * follow-ups with the same visibility. Sent one after another so the parts keep their order.
 */
export async function deliverToInteraction(interaction: RepliableInteraction, payloads: readonly DiscordMessagePayload[], options: DeliveryOptions): Promise<void> {
  const last = payloads.length - 1;
  const componentsFor = (i: number) => (i === last && options.components ? options.components : []);
  for (const [i, payload] of payloads.entries()) {
    if (i === 0) await interaction.editReply({ ...payload, components: componentsFor(i) });
    else await interaction.followUp({ ...payload, components: componentsFor(i), ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  }
}
