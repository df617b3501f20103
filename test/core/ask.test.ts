import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import { toAnswerJson } from '../../src/core/reply/answer-json.js';
import { shippedContext } from '../support/core-context.js';

const ask = (q: string, now?: string) => toAnswerJson(answerQuestion(shippedContext(now), q));

describe('ask', () => {
  it('answers with a cited fact', () => {
    const a = ask("who is the AMPTP's chief executive?");
    expect(a).toMatchObject({ answered: true, text: 'Carol Lombardini is chief executive (CEO) of the AMPTP.' });
    expect(a.citations).toEqual([expect.objectContaining({ sourceId: 'trade-report-2023-08-04', date: '2023-08-04' })]);
  });

  it('recognizes names through typos, casing and nicknames', () => {
    expect(ask('WHAT DID LOMBARDNI SAY').text).toContain('“People just want to get back to work.”');
    expect(ask('what do the studios think about mini rooms').text).toMatch(/^AMPTP on minimum staffing in episodic TV \(rejects it\)/);
  });

  it('gives both sides when a stance is asked without naming a side', () => {
    const a = ask('where do both sides stand on guaranteed weeks?');
    expect(a.text).toContain('WGA on guaranteed weeks');
    expect(a.text).toContain('AMPTP on guaranteed weeks');
  });

  it('keeps answers to one to three sentences of facts', () => {
    for (const q of ['what happened friday', 'what did the guild say', 'where did they meet']) {
      const reply = answerQuestion(shippedContext(), q);
      const lines = reply.blocks.filter((b) => b.kind === 'text');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(3);
    }
  });

  it.each([
    ['what is the weather in los angeles', '“weather”'],
    ["what's the guild's position on AI?", '“ai”'],
    ['what is the Teamsters position on the viewership residual', 'nothing on that about Teamsters'],
    ['when will the strike end?', 'future'],
    ['how many weeks does the guild want guaranteed', 'figure'],
    ['what happened at the aug 11 meeting', 'nothing recorded for Aug 11'],
  ])('declines “%s” and says why', (q, why) => {
    const a = ask(q);
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
    expect(a.text).toContain(why);
    expect(a.text).toContain('I can answer questions about the 2023 Writers Guild of America strike');
  });

  it('warns when the knowledge is old', () => {
    const reply = answerQuestion(shippedContext('2024-01-01T00:00:00Z'), 'where did they meet?');
    expect(reply.blocks[0]).toEqual({ kind: 'notice', text: expect.stringContaining('This information is 4 months old') });
  });
});
