import { distance } from 'fastest-levenshtein';
import { canonicalTimeZone } from './zoned-time.js';

/** What `/strike digest ...` asks for. */
export type DigestRequest =
  | { action: 'subscribe'; localTime?: string; timeZone?: string }
  | { action: 'unsubscribe' }
  | { action: 'preview' }
  | { action: 'status' }
  | { action: 'help' }
  | { action: 'invalid'; problem: string };

const ACTIONS = ['subscribe', 'unsubscribe', 'preview', 'status', 'help'] as const;

/** Parses the text after `digest`: "subscribe 08:30 Europe/London", "status", ... Never throws. */
export function parseDigestArgs(text: string): DigestRequest {
  const [first = '', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const word = first.toLowerCase();
  if (!word) return { action: 'help' };
  const action = ACTIONS.find((a) => a === word);
  if (!action) {
    const close = ACTIONS.find((a) => distance(a, word) <= 2);
    return { action: 'invalid', problem: `“${first.slice(0, 40)}” is not a digest action.${close ? ` Did you mean ${close}?` : ''}` };
  }
  if (action !== 'subscribe') return rest.length === 0 ? ({ action } as DigestRequest) : { action: 'invalid', problem: `${action} takes nothing after it.` };
  return parseSubscribe(rest);
}

function parseSubscribe(words: string[]): DigestRequest {
  let localTime: string | undefined;
  let timeZone: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    // "9:30 am" arrives as two words.
    const withMeridiem = /^(am|pm)$/i.test(words[i + 1] ?? '') ? `${word}${words[++i]}` : word;
    const time = parseLocalTime(withMeridiem);
    if (time && !localTime) {
      localTime = time;
      continue;
    }
    if (/^\d/.test(word)) return { action: 'invalid', problem: `“${word.slice(0, 20)}” is not a time. Use 24-hour HH:MM, such as 09:00 or 17:30.` };
    const zone = canonicalTimeZone(word);
    if (!zone || timeZone) return { action: 'invalid', problem: unknownZone(word) };
    timeZone = zone;
  }
  return { action: 'subscribe', ...(localTime ? { localTime } : {}), ...(timeZone ? { timeZone } : {}) };
}

/** "9:00", "09:00", "17:30", "9am", "5:30pm" -> "HH:MM"; undefined when it is not a time of day. */
export function parseLocalTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text);
  if (!m || (!m[2] && !m[3])) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const meridiem = m[3]?.toLowerCase();
  if (minute > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 23) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function unknownZone(word: string): string {
  const shown = word.slice(0, 40);
  const base = `“${shown}” is not a time zone I know. Use an IANA name such as America/Los_Angeles, America/New_York or Europe/London.`;
  const suggestion = suggestZone(word);
  return suggestion ? `${base} Did you mean ${suggestion}?` : base;
}

// A city typed alone ("london") or a near-miss ("Europe/Londn").
function suggestZone(word: string): string | undefined {
  const lower = word.toLowerCase().replace(/\s+/g, '_');
  const zones = Intl.supportedValuesOf('timeZone');
  const byCity = zones.find((z) => z.toLowerCase().endsWith(`/${lower}`));
  if (byCity) return byCity;
  const ranked = zones.map((z) => ({ z, d: distance(z.toLowerCase(), lower) })).sort((a, b) => a.d - b.d)[0];
  return ranked && ranked.d <= 3 ? ranked.z : undefined;
}
