/** What every line built from an unverified update starts with. */
export const UNVERIFIED_PREFIX = 'Unverified: ';

/** Anything that may come from an unverified update. */
export interface MaybeUnverified {
  unverified?: boolean;
}

/** The text, prefixed "Unverified: " when any of the facts behind it is unverified, so a rumour never reads as fact. */
export function markUnverified(text: string, ...facts: (MaybeUnverified | undefined)[]): string {
  return facts.some((f) => f?.unverified) ? `${UNVERIFIED_PREFIX}${text}` : text;
}
