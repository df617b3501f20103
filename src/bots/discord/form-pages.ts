import { ComponentType, LabelBuilder, ModalBuilder, TextInputStyle, type APICheckboxGroupComponent, type APIStringSelectComponent, type APITextInputComponent, type ModalSubmitInteraction } from 'discord.js';
import type { FormField, FormValues } from '../../core/forms/form-model.js';

// Discord limits (discord.com/developers/docs/components/reference): five top-level components per modal, modal
// title and label 45 characters, description and placeholder 100, select options 25 (label and value 100), a
// checkbox group 10 options, text inputs 4000 characters, custom ids 100.
export const FIELDS_PER_PAGE = 5;
const TITLE_MAX = 45;
const LABEL_MAX = 45;
const DESCRIPTION_MAX = 100;
const SELECT_OPTIONS_MAX = 25;
const CHECKBOXES_MAX = 10;
const TEXT_MAX = 4000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const shown = (f: FormField) => !(f.kind === 'select' || f.kind === 'multiselect') || (f.choices?.length ?? 0) > 0;

/** A form's fields in pages of five, the most one Discord modal holds; lists with nothing to choose are left out. */
export function formPages(fields: readonly FormField[]): FormField[][] {
  const visible = fields.filter(shown);
  const pages: FormField[][] = [];
  for (let i = 0; i < visible.length; i += FIELDS_PER_PAGE) pages.push(visible.slice(i, i + FIELDS_PER_PAGE));
  return pages;
}

const initialList = (f: FormField, value: FormValues[string]) => (Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []);

/** The Discord component for one field: a text input, a string select or a checkbox group, inside a label. */
function component(f: FormField, value: FormValues[string]): APITextInputComponent | APIStringSelectComponent | APICheckboxGroupComponent {
  const chosen = new Set(initialList(f, value ?? f.initial));
  if (f.kind === 'select' || f.kind === 'multiselect') {
    const options = (f.choices ?? []).slice(0, SELECT_OPTIONS_MAX).map((c) => ({ label: clip(c.label, 100), value: c.value, ...(chosen.has(c.value) ? { default: true } : {}) }));
    return { type: ComponentType.StringSelect, custom_id: f.key, options, required: f.required, min_values: f.required ? 1 : 0, max_values: f.kind === 'select' ? 1 : options.length };
  }
  if (f.kind === 'checkboxes') {
    const options = (f.choices ?? []).slice(0, CHECKBOXES_MAX).map((c) => ({ label: clip(c.label, 100), value: c.value, ...(chosen.has(c.value) ? { default: true } : {}) }));
    return { type: ComponentType.CheckboxGroup, custom_id: f.key, options, required: f.required, min_values: f.required ? 1 : 0, max_values: options.length };
  }
  const text = typeof (value ?? f.initial) === 'string' ? ((value ?? f.initial) as string) : '';
  const max = Math.min(f.max ?? (f.kind === 'date' ? 10 : TEXT_MAX), TEXT_MAX);
  const placeholder = f.kind === 'date' ? 'YYYY-MM-DD' : f.kind === 'url' ? 'https://…' : f.placeholder;
  return {
    type: ComponentType.TextInput,
    custom_id: f.key,
    style: f.kind === 'long' ? TextInputStyle.Paragraph : TextInputStyle.Short,
    required: f.required,
    max_length: max,
    ...(placeholder ? { placeholder: clip(placeholder, 100) } : {}),
    ...(text ? { value: text.slice(0, max) } : {}),
  };
}

/** One page of a form as a modal; values already entered (or prefilled) fill it again. */
export function buildFormPage(customId: string, title: string, page: readonly FormField[], values: FormValues): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(customId).setTitle(clip(title, TITLE_MAX));
  for (const f of page) {
    const label = new LabelBuilder().setLabel(clip(f.label, LABEL_MAX));
    if (f.hint) label.setDescription(clip(f.hint, DESCRIPTION_MAX));
    const c = component(f, values[f.key]);
    if (c.type === ComponentType.StringSelect) label.setStringSelectMenuComponent(c);
    else if (c.type === ComponentType.CheckboxGroup) label.setCheckboxGroupComponent(c);
    else label.setTextInputComponent(c);
    modal.addLabelComponents(label);
  }
  return modal;
}

/** The values one submitted page carries, by field key; a field missing from the submission reads as empty. */
export function readFormPage(interaction: ModalSubmitInteraction, page: readonly FormField[]): FormValues {
  const values: FormValues = {};
  for (const f of page) {
    try {
      if (f.kind === 'select' || f.kind === 'multiselect') {
        const chosen = [...interaction.fields.getStringSelectValues(f.key)];
        values[f.key] = f.kind === 'select' ? chosen[0] : chosen;
      } else if (f.kind === 'checkboxes') values[f.key] = [...interaction.fields.getCheckboxGroup(f.key)];
      else values[f.key] = interaction.fields.getTextInputValue(f.key)?.trim() || undefined;
    } catch {
      values[f.key] = undefined;
    }
  }
  return values;
}
