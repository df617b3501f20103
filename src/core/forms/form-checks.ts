import { IsoDate } from '../knowledge/schema.js';
import type { FieldProblem } from '../updates/update-error.js';
import { listOf, type FormField, type FormValues } from './form-model.js';

/** Dates of things that happened may not be after today; a field that may be (a contract's end) says so. */
export interface DateRule {
  future?: boolean;
}

/**
 * What every form checks before building a patch: required inputs filled, text within its length, dates real and
 * not after today (unless the field allows it), web addresses well formed, and every chosen value one the field
 * offered (a forged submission cannot name an id the list did not hold). One problem per field.
 */
export function checkValues(fields: readonly (FormField & DateRule)[], values: FormValues, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const problem = checkField(f, values, today);
    if (problem) problems.push({ field: f.key, problem });
  }
  return problems;
}

function checkField(f: FormField & DateRule, values: FormValues, today: string): string | undefined {
  const raw = values[f.key];
  if (f.kind === 'select' || f.kind === 'multiselect' || f.kind === 'checkboxes') {
    const chosen = listOf(values, f.key);
    if (f.required && chosen.length === 0) return `choose ${f.label.toLowerCase()}`;
    if (f.kind === 'select' && chosen.length > 1) return 'choose only one';
    const offered = new Set((f.choices ?? []).map((c) => c.value));
    const stray = chosen.find((v) => !offered.has(v));
    return stray === undefined ? undefined : `“${stray.slice(0, 40)}” is not one of the choices`;
  }
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!text) return f.required ? `${f.label} is required` : undefined;
  if (f.max !== undefined && text.length > f.max) return `${f.label} is longer than ${f.max} characters`;
  if (f.kind === 'date') {
    if (!IsoDate.safeParse(text).success) return 'write the date as YYYY-MM-DD, e.g. 2023-08-11';
    if (!f.future && text > today) return `${text} is after today (${today}); only things that happened are recorded`;
  }
  if (f.kind === 'url' && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(text)) return 'not a web address (https://...)';
  return undefined;
}

/** Sets the `future` rule on a date field. */
export function allowFuture<T extends FormField>(field: T): T & DateRule {
  return { ...field, future: true };
}
