/**
 * Escapes text from the knowledge pack or from a user so Discord shows it literally: no markdown, no links,
 * no <@id>/<#id>/<t:…> tokens, no @everyone/@here. allowed_mentions stops pings; this stops the rest.
 */
export function escapeDiscordText(text: string): string {
  return text
    .replace(/[\\*_~`|[\]<>]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#\-+]|\d+\.)/gm, (_m, space: string, mark: string) => `${space}\\${mark}`)
    .replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** Text for the label of a masked link: brackets escaped so the label cannot end the link early. */
export function escapeLinkLabel(text: string): string {
  return escapeDiscordText(text).replace(/[()]/g, (c) => `\\${c}`);
}

/** A URL safe to put inside (…) of a masked link; undefined for anything but http(s). */
export function linkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}

/** Shortens text to max characters, ending with an ellipsis when it had to cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  // Never split a surrogate pair, nor leave a dangling escape backslash that would swallow the ellipsis.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/\\+$/, (s) => (s.length % 2 === 1 ? s.slice(0, -1) : s));
  return `${cut}…`;
}
