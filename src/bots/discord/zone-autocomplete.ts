import type { AutocompleteChoice } from './autocomplete.js';
import { AUTOCOMPLETE_LIMITS } from './discord-limits.js';

interface Zone {
  name: string;
  /** "america/new york": lower case, underscores as spaces. */
  norm: string;
  /** The last part: "new york". */
  city: string;
}

let zones: Zone[] | undefined;

function allZones(): Zone[] {
  // Node's ICU list; UTC is not in it but is a fine digest zone.
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone')].map((name) => {
    const norm = name.toLowerCase().replaceAll('_', ' ');
    return { name, norm, city: norm.slice(norm.lastIndexOf('/') + 1) };
  });
  return zones;
}

/**
 * Time zones for `/strike-digest subscribe zone:` while the user types: names whose city starts with the text
 * first ("lon" -> Europe/London), then names that start with it, then names that contain it; at most 25.
 */
export function zoneChoices(typed: string): AutocompleteChoice[] {
  const q = typed.slice(0, AUTOCOMPLETE_LIMITS.choiceValue).trim().toLowerCase().replaceAll('_', ' ');
  const rank = (z: Zone): number | undefined => {
    if (!q) return 0;
    if (z.city.startsWith(q)) return 0;
    if (z.norm.startsWith(q)) return 1;
    return z.norm.includes(q) ? 2 : undefined;
  };
  const ranked: { z: Zone; r: number }[] = [];
  for (const z of allZones()) {
    const r = rank(z);
    if (r !== undefined) ranked.push({ z, r });
  }
  return ranked
    .sort((a, b) => a.r - b.r || a.z.name.localeCompare(b.z.name))
    .slice(0, AUTOCOMPLETE_LIMITS.choices)
    .map(({ z }) => ({ name: z.name, value: z.name }));
}
