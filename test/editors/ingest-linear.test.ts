import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readMessageText } from '../../src/bots/slack/incoming-text.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { quoteSpans } from '../../src/core/ingest/article-quotes.js';
import { readArticle, splitSentences } from '../../src/core/ingest/article-text.js';
import { extractDrafts } from '../../src/core/ingest/extract-drafts.js';
import { repeatedWording } from '../../src/core/ingest/repeated-wording.js';
import { normalizeText } from '../../src/core/match/normalize-text.js';
import { PACK } from './support.js';

const ctx = contextFromPack(PACK);
const NOW = new Date('2023-08-20T00:00:00Z');

/**
 * Work, counted rather than timed: the characters every regular-expression search advances over (to its match, or
 * to the end when it fails), summed over the run. A parser that rescans the rest of the text per sentence, quote or
 * mention grows with the square of the input; a linear one grows with the input. (Backtracking inside one search is
 * not visible here; the dateline and normalisation patterns were rewritten so they have no ambiguous repeats, and
 * `npm run bench -- ingest` times the same inputs.)
 */
function regexWork<T>(run: () => T): { result: T; work: number } {
  const exec = RegExp.prototype.exec;
  let work = 0;
  RegExp.prototype.exec = function (this: RegExp, s: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = exec.call(this, s);
    work += m ? Math.max(1, m.index + m[0].length - from) : this.sticky ? 1 : Math.max(1, s.length - from);
    return m;
  };
  try {
    return { result: run(), work };
  } finally {
    RegExp.prototype.exec = exec;
  }
}
afterEach(() => {
  expect(Object.prototype.hasOwnProperty.call(RegExp.prototype, 'exec')).toBe(true);
});

/** The crafted inputs of issue 11, and others built the same way: one unit repeated to a length. */
const UNITS = ['AB' + ' '.repeat(50), '-', "'", 'A. ', '<@', '“', 'The studios rejected mini rooms ', 'Aug. ', 'word ', '“a b c d” ', 'Friday ', '. ', '" ', 'x'.repeat(1000) + ' . '];
const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const ingest = (text: string) => extractDrafts(text, ctx, { now: NOW });

describe('linear-time article reading', () => {
  it.each([
    ['the dateline pattern', 'AB' + ' '.repeat(40_000) + 'x'],
    ['runs of hyphens', '-'.repeat(40_000)],
    ['runs of apostrophes', "'".repeat(40_000)],
    ['"A. " repeated', 'A. '.repeat(13_334)],
    ['a 100,000-letter word before " . "', 'a'.repeat(100_000) + ' . '],
    ['<@ repeated', '<@'.repeat(20_000)],
    ['a stance cue repeated', 'The studios rejected mini rooms '.repeat(1250)],
    ['an unclosed “', '“' + 'word '.repeat(8000)],
  ])('does work in proportion to the input on %s', (_name, text) => {
    const half = regexWork(() => ingest(text.slice(0, text.length / 2))).work;
    const whole = regexWork(() => ingest(text)).work;
    // Twice the input: about twice the work (a quadratic parser does four times as much).
    expect(whole).toBeLessThan(2.6 * half + 10_000);
    expect(whole).toBeLessThan(400 * text.length);
  });

  it('grows linearly on generated pathological inputs, and drafts stay valid patches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UNITS), fc.constantFrom(...UNITS), fc.integer({ min: 2_000, max: 6_000 }), (a, b, n) => {
        const text = repeatTo(a, n) + repeatTo(b, n);
        const double = repeatTo(a, 2 * n) + repeatTo(b, 2 * n);
        const small = regexWork(() => ingest(text));
        const large = regexWork(() => ingest(double));
        expect(large.work).toBeLessThan(2.6 * small.work + 10_000);
        for (const d of large.result.drafts) expect(d.evidence.sentence.length).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });
});

describe('what the linear parsers still guarantee', () => {
  const pathological = fc.array(fc.constantFrom('A.', ' ', '.', '“', '”', '"', 'word', '-', "'", '<@', '>', 'U1', '\n', '?', 'Mr.', 'The'), { maxLength: 200 }).map((parts) => parts.join(''));

  it('sentence splitting loses and adds nothing but whitespace', () => {
    fc.assert(
      fc.property(pathological, (text) => {
        expect(splitSentences(text).join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 500 },
    );
  });

  it('quotations are well formed and do not overlap', () => {
    fc.assert(
      fc.property(pathological, (text) => {
        let last = -1;
        for (const s of quoteSpans(text)) {
          expect(s.start).toBeGreaterThan(last);
          const open = text[s.start]!;
          expect(['“', '"']).toContain(open);
          expect(text[s.end - 1]).toBe(open === '“' ? '”' : '"');
          expect(text.slice(s.start + 1, s.end - 1)).not.toContain(open === '“' ? '”' : '"');
          expect(s.end - s.start).toBeGreaterThan(2);
          last = s.end - 1;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('normalisation keeps its behaviour: idempotent, no mention tokens, no edge hyphens or apostrophes', () => {
    fc.assert(
      fc.property(pathological, (text) => {
        const n = normalizeText(text);
        expect(normalizeText(n)).toBe(n);
        expect(n).not.toMatch(/<[@#!][^>]*>/);
        for (const w of n.split(' ').filter(Boolean)) expect(w).toMatch(/^[^'-].*[^'-]$|^[^'-]$/);
      }),
      { numRuns: 500 },
    );
  });

  it('a bot mention is dropped wherever it is, and typed look-alikes stay', () => {
    fc.assert(
      fc.property(pathological, pathological, (a, b) => {
        const text = readMessageText(`${a}<@UBOT|strikewire>${b}<@UBOT>`, 'UBOT');
        expect(text).not.toContain('<@UBOT>');
        expect(readMessageText(`&lt;@UBOT&gt; ${a}`, 'UBOT')).toContain('<@UBOT>');
      }),
      { numRuns: 300 },
    );
  });

  it('the article reader reads generated articles without losing sentences', () => {
    fc.assert(
      fc.property(pathological, (text) => {
        const read = readArticle(`Headline\n\n${text}`);
        expect(read.sentences.every((s) => s.trim() === s && s.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('repeatedWording finds any copied run of twelve words and nothing shorter', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 12, maxLength: 60 }), fc.nat(), fc.integer({ min: 1, max: 20 }), (words, at, length) => {
        const article = words.join(' ');
        const start = at % words.length;
        const copied = words.slice(start, start + length);
        const found = repeatedWording(`zz ${copied.join(' ')} zz`, article);
        if (copied.length >= 12) expect(found).toContain(copied.slice(0, 12).join(' '));
        else expect(found).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });
});
