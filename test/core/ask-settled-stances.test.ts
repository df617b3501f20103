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
const wga = contextFromPack(loadPack(WGA_2023_PACK_DIR), { clock: fixedClock('2023-08-05T12:00:00Z') });
const ask = (ctx: CommandContext, q: string) => toAnswerJson(answerQuestion(ctx, q));

describe('ask where a side stands once a deal settled the proposal', () => {
  it('answers from the outcome ahead of the side’s old stance, and lists settled proposals by what the deal did', () => {
    for (const q of ['where does the authority stand on rest breaks', 'will the authority give rest breaks now?']) {
      const a = ask(ratified, q);
      expect(a.answered, `${q}: ${a.text}`).toBe(true);
      expect(a.text).toMatch(/^(Yes\. )?Guaranteed rest breaks: Agreed April 12, 2025/);
    }
    expect(ask(ratified, 'what are the authority’s positions').text).toBe("The HCTA's positions: operator pay raise (agreed April 12, 2025); guaranteed rest breaks (agreed April 12, 2025).");
  });

  it('answers from the deal even when the question repeats the old stance’s words', () => {
    const a = ask(ratified, 'would the authority still only consider shorter breaks on the longest routes');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain('Guaranteed rest breaks: Agreed April 12, 2025');
  });

  it('still gives the old stance when the question asks about earlier days', () => {
    const a = ask(ratified, 'where did the authority originally stand on rest breaks');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^HCTA on guaranteed rest breaks \(is open to it\)/);
  });

  it('reads “what did X offer on Y” as X’s stance on Y, ahead of the meeting where the offer was made', () => {
    const offerDay = {
      sources: [{ id: 'ledger-2025-03-10', outlet: 'Harbor Ledger', title: 'Authority brings an offer', date: '2025-03-10', kind: 'press' }],
      events: [{ id: 'offer-2025-03-10', date: '2025-03-10', participants: ['hcta', 'twl'], title: 'Authority makes a pay offer', text: 'The authority offered the union a written pay offer at the bargaining table.', proposals: ['wage-raise'], sources: ['ledger-2025-03-10'] }],
    };
    const a = ask(transitAfter('03-mediator', [offerDay]), 'what did the authority offer on hourly pay');
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toMatch(/^HCTA on operator pay raise \(has countered\)/);
  });
});

describe('ask what a person said', () => {
  it('declines when the person only took part in an event, and answers from their statement when there is one', () => {
    const a = ask(ratified, 'what did Ines Soto say at the mediated talks?');
    expect(a.answered, a.text).toBe(false);
    expect(a.text).toContain('I have no record of Ines Soto saying that.');
    expect(ask(ratified, 'what did Leo Park say').text).toContain('Leo Park said “Every minute of break is a minute without a bus.”');
  });
});

describe('ask’s vocabulary', () => {
  it('knows “streamers” as the streaming services', () => {
    expect(ask(wga, 'will the streamers pay a viewership residual?').text).not.toContain('“streamers”');
  });
});
