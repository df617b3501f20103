import type { FormField, FormValues } from './form-model.js';
import { textOf } from './form-model.js';

/** Most aliases one entry takes: names people use, not a keyword list. */
const MAX_ALIASES = 10;

/** Other names an entity goes by, separated by commas. */
export const ALIASES_FIELD: FormField = { key: 'aliases', label: 'Other names (commas between)', kind: 'text', required: false, max: 300, placeholder: 'Dana, D. Okafor' };

/** The aliases typed, trimmed, without empties or repeats. */
export function aliasesOf(values: FormValues): string[] {
  const typed = (textOf(values, 'aliases') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return [...new Set(typed)].slice(0, MAX_ALIASES);
}
