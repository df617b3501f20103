import {
  ButtonStyle,
  LabelBuilder,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type ModalSubmitInteraction,
} from 'discord.js';
import { MAX_TITLE_CHARS, MAX_WHAT_CHARS } from '../../core/updates/update-schema.js';
import type { UpdateTextForm } from '../../core/updates/update-text-form.js';

/** Prefix of every custom id the editors' form uses: `sw-ed:<action>:<token>`. */
export const EDITOR_ID_PREFIX = 'sw-ed';
/** What an editor custom id asks for: submit the form, confirm or cancel a change, reopen the form to fix it. */
export type EditorAction = 'form' | 'ok' | 'no' | 'fix';

// Discord limits: modal title 45 characters, label 45, placeholder 100, description 100, five components per modal.
const MODAL_TITLE_MAX = 45;

/** The five text boxes: Discord modals take only text, so each has a clear format shown in its description. */
export const TEXT_BOXES: Record<keyof UpdateTextForm, { label: string; description: string; placeholder: string; paragraph: boolean; max: number; required: boolean }> = {
  story: { label: 'Headline, then what happened', description: 'First line: the headline. Below it: what happened, in your words.', placeholder: 'WGA and AMPTP meet again\nThe two sides met for three hours in Sherman Oaks.', paragraph: true, max: MAX_TITLE_CHARS + MAX_WHAT_CHARS + 2, required: true },
  when: { label: 'Date, and “met” / “unverified”', description: 'YYYY-MM-DD; add “met” if the sides met or talked, “unverified” for a rumour or leak.', placeholder: '2023-08-11 met', paragraph: false, max: 60, required: true },
  proposals: { label: 'Proposals; stance or status change', description: 'Proposal names, commas between; then “; party stance” and/or “; status …”.', placeholder: 'mini rooms, guaranteed weeks; AMPTP counters', paragraph: false, max: 400, required: false },
  quote: { label: 'Quote (optional)', description: 'Who said it, a colon, then the words.', placeholder: 'Carol Lombardini: We came with real numbers today.', paragraph: true, max: 600, required: false },
  source: { label: 'Source', description: 'Outlet | Title | kind (press, union, employer, government) | URL', placeholder: 'Pacific Labor Wire | Writers and studios meet again | press | https://…', paragraph: false, max: 900, required: true },
};

/** `sw-ed:form:abc123` */
export function editorCustomId(action: EditorAction, token: string): string {
  return `${EDITOR_ID_PREFIX}:${action}:${token}`;
}

/** Reads an editor custom id; undefined for anyone else's. */
export function readEditorCustomId(customId: string): { action: EditorAction; token: string } | undefined {
  const m = /^sw-ed:(form|ok|no|fix):([A-Za-z0-9]{1,40})$/.exec(customId);
  return m ? { action: m[1] as EditorAction, token: m[2]! } : undefined;
}

/** The update form as a Discord modal, prefilled when amending or fixing a submission. */
export function buildUpdateModal(customId: string, title: string, prefill: Partial<UpdateTextForm> = {}): ModalBuilder {
  const modal = new ModalBuilder().setCustomId(customId).setTitle(title.slice(0, MODAL_TITLE_MAX));
  for (const [key, box] of Object.entries(TEXT_BOXES) as [keyof UpdateTextForm, (typeof TEXT_BOXES)[keyof UpdateTextForm]][]) {
    const input = new TextInputBuilder()
      .setCustomId(key)
      .setStyle(box.paragraph ? TextInputStyle.Paragraph : TextInputStyle.Short)
      .setRequired(box.required)
      .setMaxLength(box.max)
      .setPlaceholder(box.placeholder);
    const value = prefill[key]?.slice(0, box.max);
    if (value) input.setValue(value);
    modal.addLabelComponents(new LabelBuilder().setLabel(box.label).setDescription(box.description).setTextInputComponent(input));
  }
  return modal;
}

/** The five boxes as submitted. */
export function readUpdateModal(interaction: ModalSubmitInteraction): UpdateTextForm {
  const value = (key: keyof UpdateTextForm) => {
    try {
      return interaction.fields.getTextInputValue(key) ?? '';
    } catch {
      return ''; // an optional box left out of the submission
    }
  };
  return { story: value('story'), when: value('when'), proposals: value('proposals'), quote: value('quote'), source: value('source') };
}

/** One row of buttons. */
export function buttonRow(...buttons: { customId: string; label: string; style: ButtonStyle }[]): APIActionRowComponent<APIButtonComponent> {
  return { type: 1, components: buttons.map((b) => ({ type: 2, custom_id: b.customId, label: b.label, style: b.style as ButtonStyle.Primary })) };
}
