import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { toAnswerJson } from '../../src/core/reply/answer-json.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { withoutKeywords } from '../eval/without-keywords.js';

// Editors never write keywords, so these run on the shipped pack with every `keywords` list emptied: the vocabulary
// has to come from the facts' own text, the lexicon and what each entity is.
const ctx = contextFromPack(withoutKeywords(loadPack(WGA_2023_PACK_DIR)), { clock: fixedClock('2023-08-05T12:00:00Z') });
const ask = (q: string) => toAnswerJson(answerQuestion(ctx, q));

describe('ask without keywords', () => {
  it.each([
    ['how did the union answer the amptp', /^WGA said/],
    ['how did the studios reply to the guild', /^AMPTP said/],
  ])('answers “%s” with words of the side that acts in it', (q, lead) => {
    const a = ask(q);
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(lead);
  });

  it('finds a proposal by what its history says about it', () => {
    const a = ask('what issues did the strike itself create');
    expect(a.answered).toBe(true);
    expect(a.text.toLowerCase()).toContain('health');
  });

  it('dates a strike from a key date that says it "begins" when asked when it started', () => {
    const a = ask('when did the actors strike start');
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^Actors join the strike: July 14, 2023/);
  });

  it('reads "fall apart" as talks breaking down', () => {
    const a = ask('when did the talks fall apart');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('May 1, 2023');
  });

  it('reads "what is the mayor\'s deal" as what she did, not who she is', () => {
    const a = ask("what's the mayor's deal here");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/called for the strikes to be resolved/);
  });

  it('declines a money question that only a duration could "answer"', () => {
    expect(ask('how much picket pay do members get').answered).toBe(false);
  });

  it('answers "which union" with a union, not the proposal that names one', () => {
    const a = ask("which union's contract already has the picket line clause");
    expect(a.answered).toBe(true);
    expect(a.text).toMatch(/^The Teamsters/);
  });

  it('finds a fact both sides are party to when asked about "either side", by a word the fact itself uses', () => {
    const a = ask('did either side talk to reporters after the meeting');
    expect(a.answered).toBe(true);
    expect(a.text).toContain('did not answer reporters');
    // The fact says they did not, so the answer must not lead with yes.
    expect(a.text).not.toMatch(/^Yes/);
  });
});
