import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// Pinned so the suite is deterministic; change it locally to explore more inputs.
const RUN = { seed: 20230804, numRuns: 300 };
import { escapeMrkdwn, findLiveTokens, fitEscaped, slackLink, splitEscaped, unescapeSlackText } from '../../src/bots/slack/escape-mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('turns mentions, broadcasts and links into plain text', () => {
    expect(escapeMrkdwn('hi <!channel> <!here> <@U123> <#C1> <https://x.test|x> & more')).toBe(
      'hi &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C1&gt; &lt;https://x.test|x&gt; &amp; more',
    );
  });

  it('leaves nothing that Slack could read as a token, for any input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => findLiveTokens(escapeMrkdwn(s)).length === 0 && !/[<>]/.test(escapeMrkdwn(s))), RUN);
  });

  it('round-trips with Slack’s own escaping of incoming text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => unescapeSlackText(escapeMrkdwn(s)) === s), RUN);
    expect(unescapeSlackText('&amp;lt; is how you write &lt;')).toBe('&lt; is how you write <');
  });
});

describe('fitEscaped and splitEscaped', () => {
  it('never cuts through an entity or a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.integer({ min: 8, max: 120 }), (s, max) => {
        const fitted = fitEscaped(s, max);
        expect(fitted.length).toBeLessThanOrEqual(max);
        expect(fitted).not.toMatch(/&(a|am|amp|l|lt|g|gt)?…$/);
        expect(fitted).not.toMatch(/[\ud800-\udbff]…$/);
        for (const piece of splitEscaped(escapeMrkdwn(s), max)) {
          expect(piece.length).toBeLessThanOrEqual(max);
          expect(piece).not.toMatch(/&(a|am|amp|l|lt|g|gt)?$/);
        }
      }),
      RUN,
    );
  });

  it('keeps every word when splitting at spaces', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitEscaped(text, 100);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(pieces.join(' ')).toBe(text);
  });

  it('marks a cut with an ellipsis and leaves short text alone', () => {
    expect(fitEscaped('a < b', 20)).toBe('a &lt; b');
    expect(fitEscaped('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('slackLink', () => {
  it('links http(s) URLs and escapes the label', () => {
    expect(slackLink('https://example.org/a?b=1&c=2', 'A <b> | c')).toBe('<https://example.org/a?b=1&amp;c=2|A &lt;b&gt; ¦ c (example.org)>');
  });

  it('never shows one address while linking to another: foreign addresses leave the label, the real host is shown', () => {
    expect(slackLink('https://evil.example/x', 'nytimes.com: Strike ends')).toBe('<https://evil.example/x|(link): Strike ends (evil.example)>');
    expect(slackLink('https://evil.example/x', 'https://www.nytimes.com/2023/strike')).toBe('<https://evil.example/x|(link) (evil.example)>');
    expect(slackLink('https://www.deadline.com/a', 'deadline.com: Talks resume')).toBe('<https://www.deadline.com/a|deadline.com: Talks resume (deadline.com)>');
    // Abbreviations are not addresses.
    expect(slackLink('https://example.org/a', 'U.S. writers, Ph.D. panel')).toBe('<https://example.org/a|U.S. writers, Ph.D. panel (example.org)>');
  });

  it('drops links that are not http(s) or not URLs, keeping the label', () => {
    expect(slackLink('javascript:alert(1)', 'x')).toBe('x');
    expect(slackLink('not a url', '<!here>')).toBe('&lt;!here&gt;');
    expect(slackLink(undefined, 'plain')).toBe('plain');
  });

  it('cannot break out of the link token, whatever the URL holds', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 40 }), (url, junk, label) => {
        expect(findLiveTokens(slackLink(url + junk, label))).toEqual([]);
      }),
      RUN,
    );
  });
});

describe('findLiveTokens', () => {
  it('reports raw tokens but not the links we build', () => {
    expect(findLiveTokens('see <https://a.test/x|A> then <!channel>')).toEqual(['<!channel>']);
    expect(findLiveTokens('<@U123> hi')).toHaveLength(1);
  });
});
