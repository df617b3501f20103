import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import type { CommandContext } from '../../src/core/commands/command-spec.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { mergePatches, parsePatch } from '../../src/core/patch/validate-patch.js';
import { toAnswerJson } from '../../src/core/reply/answer-json.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';

// The fictional transit dispute of test/fixtures/lifecycle, merged in process up to a given step of its story.
const FIXTURES = join(import.meta.dirname, '../fixtures/lifecycle');
const STEPS = ['01-first-talks', '02-strike', '03-mediator', '04-tentative', '05-strike-ends', '06-ratified'];

function transitAfter(step: string): CommandContext {
  const items = STEPS.slice(0, STEPS.indexOf(step) + 1).map((file, i) => {
    const parsed = parsePatch(parse(readFileSync(join(FIXTURES, `${file}.yaml`), 'utf8')));
    if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.problems)}`);
    return { patchId: i + 1, patch: parsed.patch, provenance: { updateId: i + 1, recordedAt: '2025-04-29T00:00:00.000Z' } };
  });
  const merged = mergePatches(loadPack(join(FIXTURES, 'pack')), items);
  if (!merged.ok) throw new Error(JSON.stringify(merged.problems));
  return contextFromPack(merged.pack, { clock: fixedClock('2025-04-29T09:00:00Z') });
}

const ratified = transitAfter('06-ratified');
const tentative = transitAfter('04-tentative');
const wga = contextFromPack(loadPack(WGA_2023_PACK_DIR), { clock: fixedClock('2023-08-05T12:00:00Z') });
const ask = (ctx: CommandContext, q: string) => toAnswerJson(answerQuestion(ctx, q));
const NEW_TERM_QUESTIONS = ['when does the new contract end?', 'how long is the new contract?', 'when does the new deal expire?', 'what is the term of the new contract?'];

describe('ask about the contract term', () => {
  it.each(NEW_TERM_QUESTIONS)('answers “%s” from the recorded term, with its source', (q) => {
    const a = ask(ratified, q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toBe('The new contract runs from April 28, 2025 to Feb 29, 2028.');
    expect(a.citations.map((c) => c.sourceId)).toEqual(['ledger-2025-04-28']);
  });

  it.each(NEW_TERM_QUESTIONS)('declines “%s” while no new contract is recorded, stating when the old one expired', (q) => {
    for (const [ctx, expired] of [[wga, 'May 1, 2023'], [tentative, 'Feb 28, 2025']] as const) {
      const a = ask(ctx, q);
      expect(a.answered, a.text).toBe(false);
      expect(a.text).toContain('No new contract is recorded');
      expect(a.text).toContain(`The contract expired on ${expired}.`);
      expect(a.text).not.toMatch(/predict|day \d+ of the strike/);
    }
  });

  it('still answers when the old contract expired, before and after the new one is recorded', () => {
    expect(ask(wga, 'when did the old contract expire').text).toBe('The contract expired on May 1, 2023.');
    for (const q of ['when did the old contract expire', 'when did the contract expire?']) {
      const a = ask(ratified, q);
      expect(a.answered).toBe(true);
      expect(a.text).toBe('The contract expired on Feb 28, 2025.');
    }
  });

  it('reads a question as asking for the term only when the contract is what ends, runs or lasts', () => {
    expect(ask(ratified, 'what did the union say last about the deal').text).not.toMatch(/new contract runs|contract expired/);
    expect(ask(ratified, 'how long will the contract last?').text).toBe('The new contract runs from April 28, 2025 to Feb 29, 2028.');
  });

  it('does not give the dispute’s own contract for another party’s', () => {
    const a = ask(wga, 'when does the teamsters contract run out');
    expect(a.answered).toBe(false);
    expect(a.text).not.toContain('expired on');
  });
});

describe('ask what a deal settled', () => {
  it.each([
    ['what did the deal give operators on rest breaks', 'A paid ten-minute break'],
    ['what did the deal give operators on pay', 'Pay rises in three steps'],
    ['what did they get on rest breaks?', 'A paid ten-minute break'],
  ])('answers “%s” with the outcome, not an event that shares a word', (q, outcome) => {
    const a = ask(ratified, q);
    expect(a.answered, a.text).toBe(true);
    expect(a.text).toContain(outcome);
    expect(a.citations.map((c) => c.sourceId)).toContain('ledger-2025-04-12');
  });

  it('declines to name a settlement before any deal is recorded', () => {
    const a = ask(transitAfter('03-mediator'), 'what did the deal give operators on rest breaks');
    expect(a.answered).toBe(false);
  });
});
