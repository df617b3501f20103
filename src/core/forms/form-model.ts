import type { Knowledge } from '../knowledge/knowledge.js';
import type { FieldProblem } from '../updates/update-error.js';
import type { FormPatch } from './form-patch.js';

/** How a field is entered; each platform maps it to its own input (a Slack datepicker, a Discord text box). */
export type FieldKind = 'text' | 'long' | 'date' | 'url' | 'select' | 'multiselect' | 'checkboxes';

/** One entry of a fixed choice list: what the editor reads, and the id the patch gets. */
export interface Choice {
  label: string;
  value: string;
}

/** One input of a form, platform-neutral. `key` names it everywhere: block id, custom id, problem field. */
export interface FormField {
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Longest text accepted (text, long, url). */
  max?: number;
  hint?: string;
  placeholder?: string;
  /** The fixed list a select, multiselect or checkbox group offers. */
  choices?: Choice[];
  /** Prefilled value: text, or the chosen values of a list. */
  initial?: string | string[];
}

/** What an editor submitted: text per text field, chosen values per list field; empty inputs are absent. */
export type FormValues = Record<string, string | string[] | undefined>;

/** The names of the editors' forms. */
export type FormName = 'update' | 'new-proposal' | 'new-person' | 'new-party' | 'settle';

/** A submitted form turned into a patch, or the problems to show under its inputs. */
export type FormResult =
  | { ok: true; patch: FormPatch; title: string; unverified: boolean; fieldOf: (path: string) => string }
  | { ok: false; problems: FieldProblem[] };

/** What building or reading a form may look at. */
export interface FormContext {
  knowledge: Knowledge;
  /** Today as YYYY-MM-DD, the default date of a new fact. */
  today: string;
}

/** A form: its inputs (prefilled when given values), and how a submission becomes a patch. */
export interface FormSpec {
  name: FormName;
  /** Modal title ("New person"); short enough for Slack's 24 characters. */
  title: string;
  fields(ctx: FormContext, prefill?: FormValues): FormField[];
  toPatch(values: FormValues, ctx: FormContext): FormResult;
}

/** A text value, trimmed; undefined when empty or a list. */
export function textOf(values: FormValues, key: string): string | undefined {
  const v = values[key];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

/** A list value (multiselect, checkboxes); a lone text value counts as a list of one. */
export function listOf(values: FormValues, key: string): string[] {
  const v = values[key];
  if (Array.isArray(v)) return v;
  return typeof v === 'string' && v ? [v] : [];
}

/** Fills each field's `initial` from prefill values, keeping the field's own default otherwise. */
export function withInitial(fields: FormField[], prefill: FormValues | undefined): FormField[] {
  if (!prefill) return fields;
  return fields.map((f) => (prefill[f.key] !== undefined ? { ...f, initial: prefill[f.key] } : f));
}
