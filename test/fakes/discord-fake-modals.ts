/**
 * Modals as the fake Discord sees them: checks a showModal callback against Discord's documented limits for label
 * components (string selects, checkbox groups, text inputs inside labels), and builds the MODAL_SUBMIT a person
 * filling it in would send, refusing a value the modal did not offer, as Discord's client cannot send one.
 */
import { ApplicationCommandType, ComponentType, InteractionType } from 'discord.js';
import { fakeMessage, slashInteraction, userObject, type FakePlace } from './discord-fake-payloads.js';

/** One input of a modal, as the fake read it. */
export interface FakeModalInput {
  key: string;
  label: string;
  type: ComponentType.TextInput | ComponentType.StringSelect | ComponentType.CheckboxGroup;
  required: boolean;
  options: { value: string; default?: boolean }[];
  maxValues?: number;
  value?: string;
}

/** A showModal callback, checked and read. */
export interface FakeModal {
  customId: string;
  title: string;
  inputs: FakeModalInput[];
}

function fail(problem: string): never {
  throw new Error(`Discord would refuse this modal: ${problem}`);
}

/** Reads an interaction callback of type 9 (MODAL), throwing what Discord would refuse. */
export function readModalCallback(body: { type: number; data?: Record<string, unknown> }): FakeModal {
  if (body.type !== 9) fail(`callback type ${body.type} is not a modal`);
  const data = body.data as { custom_id: string; title: string; components: Record<string, unknown>[] };
  if (!data.custom_id || data.custom_id.length > 100) fail('custom_id missing or over 100 characters');
  if (!data.title || data.title.length > 45) fail('title missing or over 45 characters');
  if (data.components.length < 1 || data.components.length > 5) fail(`${data.components.length} top-level components (1 to 5)`);
  const inputs = data.components.map((label): FakeModalInput => {
    if (label.type !== ComponentType.Label) fail(`top-level component of type ${String(label.type)}, expected a label`);
    const text = label.label as string;
    if (!text || text.length > 45) fail(`label “${text}” missing or over 45 characters`);
    if (typeof label.description === 'string' && label.description.length > 100) fail(`description of “${text}” over 100 characters`);
    const c = label.component as Record<string, unknown> & { custom_id: string; options?: { label: string; value: string; default?: boolean }[] };
    const options = c.options ?? [];
    if (c.type === ComponentType.StringSelect && (options.length < 1 || options.length > 25)) fail(`select “${text}” has ${options.length} options (1 to 25)`);
    if (c.type === ComponentType.CheckboxGroup && (options.length < 1 || options.length > 10)) fail(`checkbox group “${text}” has ${options.length} options (1 to 10)`);
    if (![ComponentType.TextInput, ComponentType.StringSelect, ComponentType.CheckboxGroup].includes(c.type as ComponentType)) fail(`component type ${String(c.type)} in “${text}”`);
    for (const o of options) if (o.label.length > 100 || o.value.length > 100) fail(`an option of “${text}” is over 100 characters`);
    if (typeof c.value === 'string' && typeof c.max_length === 'number' && c.value.length > c.max_length) fail(`prefill of “${text}” is longer than its max_length`);
    return {
      key: c.custom_id,
      label: text,
      type: c.type as FakeModalInput['type'],
      required: c.required !== false,
      options,
      ...(typeof c.max_values === 'number' ? { maxValues: c.max_values } : {}),
      ...(typeof c.value === 'string' ? { value: c.value } : {}),
    };
  });
  return { customId: data.custom_id, title: data.title, inputs };
}

/**
 * The MODAL_SUBMIT for a modal filled in with `values` by field key; inputs not given keep their prefill (text) or
 * defaults (lists), as the client sends them. Values outside a list's options throw.
 */
export function fillModal(modal: FakeModal, values: Record<string, string | string[] | undefined>, place: FakePlace = {}) {
  let id = 0;
  const components = modal.inputs.map((input) => {
    const given = values[input.key];
    if (input.type === ComponentType.TextInput) {
      const value = typeof given === 'string' ? given : (input.value ?? '');
      return { type: ComponentType.Label, id: ++id, component: { type: ComponentType.TextInput, id: ++id, custom_id: input.key, value } };
    }
    const chosen = given === undefined ? input.options.filter((o) => o.default).map((o) => o.value) : Array.isArray(given) ? given : [given];
    for (const v of chosen) if (!input.options.some((o) => o.value === v)) throw new Error(`“${v}” is not an option of “${input.label}”`);
    if (input.maxValues !== undefined && chosen.length > input.maxValues) throw new Error(`“${input.label}” takes at most ${input.maxValues}`);
    return { type: ComponentType.Label, id: ++id, component: { type: input.type, id: ++id, custom_id: input.key, values: chosen } };
  });
  const base = slashInteraction('update', {}, place);
  return { ...base, type: InteractionType.ModalSubmit, data: { custom_id: modal.customId, components } };
}

/** INTERACTION_CREATE for a message command (type 3) used on a message with this text. */
export function messageCommandInteraction(name: string, content: string, place: FakePlace = {}) {
  const base = slashInteraction('update', {}, place);
  const message = fakeMessage({ channelId: base.channel_id, author: userObject('member'), content, flags: 0 });
  return { ...base, data: { id: '900000000000000051', name, type: ApplicationCommandType.Message, target_id: message.id, resolved: { messages: { [message.id]: message } } } };
}
