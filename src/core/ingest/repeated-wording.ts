import { tokenize } from '../match/normalize-text.js';

/** Two independent 31-bit polynomial hashes of a run of word ids; a hit is confirmed word by word. */
const P1 = 1_000_003;
const P2 = 998_244_353;
const M = 2_147_483_647;

function mulMod(a: number, b: number): number {
  // Split b so every product stays below 2^53.
  return (((a * (b >>> 16)) % M) * 65_536 + a * (b & 0xffff)) % M;
}

function powMod(base: number, exp: number): number {
  let r = 1;
  for (let i = 0; i < exp; i++) r = mulMod(r, base);
  return r;
}

/** The hash of every run of `n` consecutive ids, by rolling: linear in the number of ids. */
function windowHashes(ids: readonly number[], n: number): string[] {
  if (ids.length < n) return [];
  const drop1 = powMod(P1, n - 1);
  const drop2 = powMod(P2 % M, n - 1);
  const out: string[] = [];
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < ids.length; i++) {
    if (i >= n) {
      h1 = (h1 - mulMod(drop1, ids[i - n]!) + M) % M;
      h2 = (h2 - mulMod(drop2, ids[i - n]!) + M) % M;
    }
    h1 = (mulMod(h1, P1) + ids[i]!) % M;
    h2 = (mulMod(h2, P2 % M) + ids[i]!) % M;
    if (i >= n - 1) out.push(`${h1}:${h2}`);
  }
  return out;
}

/**
 * The first run of `minWords` or more words that public text repeats from an article (case, punctuation and curly
 * quotes ignored), or undefined. Another outlet's narration never becomes the bot's words: the desk and the forms
 * refuse such text. Linear time: rolling hashes of word runs, each hit confirmed word by word.
 */
export function repeatedWording(publicText: string, articleText: string, minWords = 12): string | undefined {
  const mine = tokenize(publicText);
  const theirs = tokenize(articleText);
  if (minWords < 1 || mine.length < minWords || theirs.length < minWords) return undefined;
  const vocabulary = new Map<string, number>();
  const idOf = (w: string) => vocabulary.get(w) ?? (vocabulary.set(w, vocabulary.size + 1), vocabulary.size);
  const theirIds = theirs.map(idOf);
  const myIds = mine.map(idOf);
  const firstAt = new Map<string, number>();
  windowHashes(theirIds, minWords).forEach((h, i) => {
    if (!firstAt.has(h)) firstAt.set(h, i);
  });
  const mineHashes = windowHashes(myIds, minWords);
  for (let i = 0; i < mineHashes.length; i++) {
    const at = firstAt.get(mineHashes[i]!);
    if (at === undefined) continue;
    let length = 0;
    while (i + length < myIds.length && at + length < theirIds.length && myIds[i + length] === theirIds[at + length]) length++;
    if (length >= minWords) return mine.slice(i, i + length).join(' ');
  }
  return undefined;
}
