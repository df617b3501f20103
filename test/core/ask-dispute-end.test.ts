import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { toAnswerJson } from '../../src/core/reply/answer-json.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';
import { transitAfter } from './transit-context.js';

const ratified = transitAfter('06-ratified');
const striking = transitAfter('03-mediator');
const wga = contextFromPack(loadPack(WGA_2023_PACK_DIR), { clock: fixedClock('2023-08-05T12:00:00Z') });
const ask = (ctx: CommandContext, q: string) => toAnswerJson(answerQuestion(ctx, q));

describe('ask about a strike that has ended', () => {
  it.each(['when did the strike end?', 'when did the walkout end', 'how did the strike end?'])('answers “%s” from the record, not as a prediction', (q) => {
    const a = ask(ratified, q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('April 14, 2025');
    expect(a.text).not.toMatch(/predict|split shifts/);
  });

  it('answers both parts of “how and when did the strike end?”', () => {
    const a = ask(ratified, 'How and when did the strike end?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('April 14, 2025');
    expect(a.text).not.toMatch(/“How”|predict/);
  });

  it('says the strike has not ended when asked how it ended while it is still on, and still declines to predict its end', () => {
    const a = ask(striking, 'when did the strike end?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^The strike had not ended as of March 20, 2025\. /);
    expect(a.text).toContain('day 20 of the strike');
    for (const q of ['when will the strike end?', 'when does the strike end']) expect(ask(ratified, q).text).toContain('I won’t predict it');
  });

  it('answers “how long did the strike last” with its length in days, not the contract’s term or a meeting’s length', () => {
    for (const q of ['how long did the strike last', 'how long was the strike']) {
      const a = ask(ratified, q);
      expect(a.answered, a.text).toBe(true);
      expect(a.text).toContain('after 44 days');
      expect(a.text).not.toMatch(/contract runs|lasted/);
    }
    expect(ask(ratified, 'how long did the meeting last').text).toContain('lasted six hours');
  });
});

describe('ask what a person does', () => {
  it.each([['what does Leo Park do?', 'Leo Park is chief negotiator for the transit authority.'], ['who is mara quinn', 'Mara Quinn is president of Transit Workers Local 88.'], ['what does Quinn do', 'Mara Quinn is president of Transit Workers Local 88.']])('answers “%s” with the role, not an event they took part in', (q, role) => {
    const a = ask(ratified, q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toBe(role);
  });
});

describe('ask what a party does', () => {
  it('answers “what does the authority do?” with the party’s description', () => {
    expect(ask(ratified, 'what does the authority do').text).toBe("The HCTA (Harbor City Transit Authority): the public agency that runs the city's buses and trams.");
  });
});

describe('ask what became of a settled proposal', () => {
  it.each([
    ['did the union get rest breaks?', 'Guaranteed rest breaks: Agreed April 12, 2025'],
    ['what happened to the split shifts demand?', 'End to split shifts: Withdrawn April 12, 2025'],
    ['what came of rest breaks', 'Guaranteed rest breaks: Agreed April 12, 2025'],
  ])('answers “%s” from the outcome, ahead of the old stances', (q, outcome) => {
    const a = ask(ratified, q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain(outcome);
    expect(a.text).not.toMatch(/\((demands|rejects) it\)/);
  });

  it('answers “what happened to X?” from the stances while X is still open', () => {
    const a = ask(striking, 'what happened to the rest breaks demand?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('on guaranteed rest breaks');
    expect(a.text).not.toContain('no record of a deal');
  });

  it('answers “how much” about a raise with the percentages the deal settled', () => {
    const percents = { proposals: [{ id: 'wage-raise', outcome: { text: 'Pay rises 4 percent, then 3 percent, then 3.5 percent.', date: '2025-04-12', sources: ['ledger-2025-04-12'] } }] };
    const ctx = transitAfter('06-ratified', [percents]);
    for (const q of ['how much is the pay raise in the new contract?', 'how much of a pay raise did the operators get?']) {
      const a = ask(ctx, q);
      expect(a.answered, `${q}: ${a.text}`).toBe(true);
      expect(a.text).toContain('4 percent, then 3 percent, then 3.5 percent');
    }
    expect(ask(ctx, 'how much money is the pay raise in dollars?').answered).toBe(false);
  });
});

describe('ask whether any proposal is still open', () => {
  it('answers no from the status summary once every proposal is settled, without calling the settled ones open', () => {
    const a = ask(ratified, 'are there any open proposals left?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^No: no proposal is still open \(as of April 28, 2025\)\. /);
    expect(a.text).toContain('None: every proposal has been settled or withdrawn.');
    expect(a.text).not.toContain('Open proposal:');
  });

  it('lists the open proposals while talks go on', () => {
    const a = ask(striking, 'which proposals are still open');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Open proposal: Operator pay raise');
    expect(ask(striking, 'are there any open proposals left?').text).toMatch(/^Yes: 3 proposals are still open/);
  });
});

describe('ask for news once the strike is over', () => {
  it('gives the status without a yes or no for “any news?”, and keeps the no for “is it still going on?”', () => {
    for (const q of ['any news?', 'any updates?']) {
      const a = ask(ratified, q);
      expect(a.answered, a.text).toBe(true);
      expect(a.text).toMatch(/^As of April 28, 2025: Strike ended April 14, 2025/);
    }
    expect(ask(ratified, 'is the strike still going on?').text).toMatch(/^No: the strike is over \(as of April 28, 2025\)/);
  });
});

describe('ask about a party outside the dispute', () => {
  it('answers “are the actors still on strike?” from the actors’ own facts, not the writers’ status', () => {
    const a = ask(wga, 'are the actors still on strike?');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('SAG-AFTRA');
    expect(a.text).not.toContain('day 95 of the strike');
  });

  it('declines when their strike ended, which nothing records, rather than answer about the writers', () => {
    for (const q of ['when did the actors strike end', 'how did the sag-aftra strike end']) {
      const a = ask(wga, q);
      expect(a.answered, a.text).toBe(false);
      expect(a.text).not.toContain('had not ended');
    }
  });
});
