import { z } from 'zod';
import type { FormField, FormValues } from '../../core/forms/form-model.js';
import { FORMS } from '../../core/forms/form-registry.js';
import type { FieldProblem } from '../../core/updates/update-error.js';
import { FORM_ACTION, type FormViewMeta } from './form-modal-view.js';

/** One input's value as Slack sends it in view.state.values (only the parts the forms use). */
const StateValue = z.object({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.object({ value: z.string() }).nullish(),
  selected_options: z.array(z.object({ value: z.string() })).optional(),
});
const StateValues = z.record(z.string(), z.record(z.string(), StateValue));

const Meta = z.object({
  form: z.enum(Object.keys(FORMS) as [keyof typeof FORMS, ...(keyof typeof FORMS)[]]),
  channelId: z.string().max(40).optional(),
  pendingId: z.string().max(40).optional(),
  evidence: z.array(z.string().max(3000)).max(10).optional(),
});

/** Reads a form's private_metadata; undefined for anything the forms did not write. */
export function readFormViewMeta(raw: string | undefined): FormViewMeta | undefined {
  try {
    const parsed = Meta.safeParse(JSON.parse(raw ?? '{}'));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The submitted values by field key; empty inputs are left out, lists as lists. Only the form's own keys are read. */
export function readFormValues(values: unknown, fields: readonly FormField[]): FormValues {
  const state = StateValues.safeParse(values);
  const v = state.success ? state.data : {};
  const out: FormValues = {};
  for (const f of fields) {
    const at = v[f.key]?.[FORM_ACTION];
    if (!at) continue;
    if (f.kind === 'multiselect' || f.kind === 'checkboxes') out[f.key] = (at.selected_options ?? []).map((o) => o.value);
    else if (f.kind === 'select') out[f.key] = at.selected_option?.value ?? undefined;
    else if (f.kind === 'date') out[f.key] = at.selected_date ?? undefined;
    else out[f.key] = at.value?.trim() || undefined;
  }
  return out;
}

/** Slack's response_action "errors": each problem under its input (one per input); others under the first input. */
export function formViewErrors(problems: readonly FieldProblem[], shown: Set<string>, fallback: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of problems) errors[shown.has(p.field) ? p.field : fallback] ??= p.problem.slice(0, 150);
  return errors;
}
