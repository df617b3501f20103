import { ComponentType, InteractionType } from 'discord.js';
import type { UpdateTextForm } from '../../src/core/updates/update-text-form.js';
import { slashInteraction, type FakePlace } from '../fakes/discord-fake-payloads.js';

/** INTERACTION_CREATE for a submitted modal whose text inputs sit in labels, as Discord sends them. */
export function modalSubmitInteraction(customId: string, values: Partial<UpdateTextForm>, place: FakePlace = {}) {
  const base = slashInteraction('update', {}, place);
  let id = 0;
  return {
    ...base,
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(values).map(([key, value]) => ({
        type: ComponentType.Label,
        id: ++id,
        component: { type: ComponentType.TextInput, id: ++id, custom_id: key, value },
      })),
    },
  };
}
