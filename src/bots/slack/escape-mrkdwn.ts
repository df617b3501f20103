// Slack decodes exactly three entities; escaping them turns <!channel>, <!here>, <@U…> and <url|…> into plain text
// (docs.slack.dev/messaging/formatting-message-text). Everything we send goes through escapeMrkdwn.

import { honestLabel, safeLink } from '../../core/reply/safe-link.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const DECODED: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/** Escapes &, < and > so text can never become a mention, link or command in Slack. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ENTITIES[c]!);
}

/** Undoes Slack's own escaping of incoming text (it sends "&amp;" for "&"), in one pass so "&amp;lt;" stays "&lt;". */
export function unescapeSlackText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => DECODED[name]!);
}

/** Where an escaped string may be cut without splitting an entity or a surrogate pair. */
function safeCut(escaped: string, at: number): number {
  let cut = Math.max(0, Math.min(at, escaped.length));
  const amp = escaped.lastIndexOf('&', cut - 1);
  if (amp >= 0 && cut - amp < 5 && escaped.indexOf(';', amp) >= cut) cut = amp;
  const code = escaped.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return cut;
}

/** Escapes raw text and shortens it to at most `max` characters, ending with "…" when cut. */
export function fitEscaped(raw: string, max: number): string {
  return fitAlreadyEscaped(escapeMrkdwn(raw), max);
}

/** Shortens text that is already escaped (or is our own markup) to at most `max` characters. */
export function fitAlreadyEscaped(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  return `${escaped.slice(0, safeCut(escaped, max - 1)).trimEnd()}…`;
}

/** Splits escaped text into pieces of at most `max` characters, preferring line and word breaks. */
export function splitEscaped(escaped: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = escaped;
  while (rest.length > max) {
    let cut = rest.lastIndexOf('\n', max);
    if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = safeCut(rest, max);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces.filter((p, i) => p.length > 0 || i === 0);
}

/** A Slack link to an http(s) URL, or just the escaped label when the URL is unusable. */
export function slackLink(url: string | undefined, label: string): string {
  const link = safeLink(url);
  if (!link) return escapeMrkdwn(label).replace(/\|/g, '¦');
  // The visible text names the host the link really goes to, and no other address.
  const text = escapeMrkdwn(honestLabel(label, link)).replace(/\|/g, '¦');
  // URL serialization percent-encodes <, > and spaces; | would end the URL part of the token.
  const href = escapeMrkdwn(link.href).replace(/\|/g, '%7C');
  return `<${href}|${text}>`;
}

const OUR_LINK = /^<https?:\/\/[^\s<>|]+\|[^<>]*>/;

/**
 * Angle-bracket tokens in a string that are not links we made: any result means a mention or command
 * could go live. Used by tests on every rendered reply.
 */
export function findLiveTokens(text: string): string[] {
  const found: string[] = [];
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const rest = text.slice(i);
    const link = OUR_LINK.exec(rest);
    if (link) {
      i += link[0].length - 1;
      continue;
    }
    found.push(rest.slice(0, 30));
  }
  return found;
}
