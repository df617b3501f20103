/** A link that may be shown: an http(s) address and the host it really goes to. */
export interface SafeLink {
  href: string;
  host: string;
}

/** Only http and https are links; anything else (javascript:, data:, file:, not a URL) is none. */
export function safeLink(url: string | undefined): SafeLink | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return { href: parsed.href, host: parsed.hostname.replace(/^www\./, '') };
}

// Something a reader would take for an address: a scheme, or dotted names ending in a word-like top-level domain.
const ADDRESS_LIKE = /\b(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#][^\s]*)?/gi;

/**
 * A visible label for a link that cannot claim to go somewhere else: any address-like text in it that is not the
 * link's own host is dropped, and the link's own host is shown after it.
 */
export function honestLabel(label: string, link: SafeLink): string {
  const cleaned = label
    .replace(ADDRESS_LIKE, (found) => (found.toLowerCase().replace(/^www\./, '') === link.host ? found : '(link)'))
    .replace(/\s+/g, ' ')
    .trim();
  return `${cleaned || link.host} (${link.host})`;
}
