import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import { toAnswerJson } from '../../src/core/reply/answer-json.js';
import { shippedContext } from '../support/core-context.js';

const ctx = shippedContext();
const ask = (q: string) => toAnswerJson(answerQuestion(ctx, q));

// Single questions the knowledge answers, each opening with a question word so a joined question splits into parts.
const ANSWERABLE = [
  'where did the two sides meet',
  'how long did the meeting last',
  'when did the actors go on strike',
  'who is the chief negotiator for the guild',
  'what did lombardini say at the meeting',
  'why did talks break down in may',
  'what was the mood in the room',
  'when do the sides expect to talk again',
  'what did the mayor call for',
  'which union already has the picket line right',
];
const JOINERS = [', and ', '? ', ' and ', '; ', ', also '];

// Made-up names: none is in the pack, and none is one or two letters from a name that is.
const FIRST = ['Marvin', 'Quentin', 'Priya', 'Oksana', 'Dmitri', 'Yusuf', 'Wilhelmina', 'Bartholomew'];
const LAST = ['Okonkwo', 'Vasquez-Iturbe', 'Thistlewood', 'Papadakis', 'Nakagawa', 'Fairweather', 'Quigley', 'Brandvold'];
const FRAMES = ['who is {n}?', 'what did {n} say about the strike?', 'what is {n} role in the talks', 'did {n} meet the guild?', 'where does {n} stand on mini rooms?'];

describe('ask properties (issue 10)', () => {
  it('answers every part of a question whose parts are each answerable', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ANSWERABLE), { minLength: 2, maxLength: 3 }), fc.constantFrom(...JOINERS), (parts, joiner) => {
        const whole = ask(parts.join(joiner));
        expect(whole.answered).toBe(true);
        for (const part of parts) {
          const alone = ask(part);
          expect(alone.answered).toBe(true);
          // Each part's own answer appears in the whole answer, sentence for sentence.
          for (const sentence of alone.text.split(/(?<=\.) (?=[A-Z])/)) expect(whole.text).toContain(sentence.replace(/^(Yes|No)[.,:] /, ''));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('never answers a question about a name the knowledge lacks with facts about someone else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FIRST), fc.constantFrom(...LAST), fc.constantFrom(...FRAMES), (first, last, frame) => {
        const name = `${first} ${last}`;
        const a = ask(frame.replace('{n}', name));
        expect(a.answered, `${frame.replace('{n}', name)} -> ${a.text}`).toBe(false);
        expect(a.citations).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
