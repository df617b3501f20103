import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import { statusSentence } from '../../src/core/commands/status.js';
import { toAnswerJson } from '../../src/core/reply/answer-json.js';
import { shippedContext } from '../support/core-context.js';

// Issue 10's patterns, each checked on phrasings of our own (not the eval sets' questions).
const ctx = shippedContext();
const ask = (q: string) => toAnswerJson(answerQuestion(ctx, q));

describe('ask: where things stand', () => {
  it.each(['where are negotiations standing?', 'is the strike still going on?', 'what is new?', 'any updates?', 'what has changed lately'])('answers “%s” from the status summary', (q) => {
    const a = ask(q);
    expect(a.answered).toBe(true);
    expect(a.text).toContain(statusSentence(ctx.knowledge));
    expect(a.citations.length).toBeGreaterThan(0);
  });

  it('leads “is the strike over?” with no, and “are writers still on strike” with yes', () => {
    expect(ask('is the strike over?').text).toMatch(/^No: the strike is not over/);
    expect(ask('are writers still on strike').text).toMatch(/^Yes: the strike was still on/);
  });

  it('says no deal had been reached when asked whether anything was settled', () => {
    expect(ask('has anything been settled?').text).toMatch(/^No: no deal had been reached as of Aug 4, 2023/);
  });
});

describe('ask: yes/no, premises and parts', () => {
  it('corrects a guessed place with no, then the real one', () => {
    const a = ask('was the meeting held in pasadena?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^No, not in Pasadena\./);
    expect(a.text).toContain('Sherman Oaks');
  });

  it('keeps a guessed place whole and answers every part after it', () => {
    const a = ask('did they meet in beverly hills, who went and how long did it go?');
    expect(a.text).toMatch(/^No, not in Beverly Hills\./);
    expect(a.text).toContain('Ellen Stutzman');
    expect(a.text).toContain('about an hour');
    expect(a.text).not.toContain('city government');
  });

  it('names a premise the knowledge does not hold', () => {
    const a = ask('what did the guild say after the deal was signed?');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^No deal had been reached as of Aug 4, 2023/);
  });

  it('answers each part of a compound question, and declines the part it has nothing on', () => {
    const a = ask('how long did the meeting last, and who is ted sarandos?');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('about an hour');
    expect(a.text).toMatch(/“who is ted sarandos\?*”: I don’t have anything on “ted”/);
  });

  it('declines an exact figure that was never made public, and says what is known', () => {
    const a = ask('at what time exactly did they meet?');
    expect(a.answered).toBe(false);
    expect(a.text).toContain('not made public');
    expect(a.text).toContain('afternoon');
  });
});

describe('ask: words and names', () => {
  it('recognises a name misspelled at its first letter', () => {
    expect(ask('who is kegall').text).toContain('general counsel');
  });

  it('does not read “sat” as Saturday', () => {
    const a = ask('who sat in the meeting for the guild');
    expect(a.text).not.toMatch(/saturday/i);
    expect(a.answered).toBe(true);
  });

  it('weighs one everyday word it does not know instead of declining on it', () => {
    expect(ask('did the guild slam the studios over the leaked rumors?').answered).toBe(true);
  });

  it('declines a figure of a kind the facts do not hold', () => {
    expect(ask('how much money does the guild lose per week').answered).toBe(false);
  });
});
