import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/ask/answer-question.js';
import { askIndexFor } from '../../src/core/ask/ask-index.js';
import { contextFromPack, refreshContext } from '../../src/core/create-context.js';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import type { Pack } from '../../src/core/knowledge/schema.js';
import { checkPatch } from '../../src/core/patch/check-patch.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';

// Test data written for these tests: a fictional later source, event and person.
const NOW = new Date('2023-10-10T12:00:00Z');
const SOURCE = { id: 'reuse-wire-2023-10-02', outlet: 'Reuse Test Wire', title: 'A mediator joins', date: '2023-10-02', kind: 'press', url: 'https://example.org/reuse/mediator' };
const EVENT = { id: 'mediator-session', date: '2023-10-02', title: 'Session with a mediator', text: 'Both sides sat down with Quill Abernathy for a long afternoon.', participants: ['wga', 'amptp'], sources: [SOURCE.id] };
const PERSON = { id: 'quill-abernathy', name: 'Quill Abernathy', party: 'amptp', role: 'a mediator the studios brought in', sources: [SOURCE.id] };

function apply(pack: Pack, patch: unknown, updateId: number): Pack {
  const checked = checkPatch(pack, patch, { now: NOW, provenance: { updateId, recordedAt: NOW.toISOString() } });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.pack;
}

const eventEntities = (ctx: ReturnType<typeof contextFromPack>) => askIndexFor(ctx.knowledge, ctx.entities).candidates.find((c) => c.id === 'event:mediator-session')!.entities;

describe('the ask index after a patch reuses what it read before, and names stay right', () => {
  it('a fact written before its person existed mentions the person once the person is added, and not after a retract', () => {
    const ctx = contextFromPack(apply(loadPack(WGA_2023_PACK_DIR), { sources: [SOURCE], events: [EVENT] }, 1), { clock: () => NOW });
    expect(eventEntities(ctx).has('quill-abernathy')).toBe(false);
    const withPerson = apply(ctx.knowledge.pack, { people: [PERSON] }, 2);
    refreshContext(ctx, withPerson);
    expect(eventEntities(ctx).has('quill-abernathy')).toBe(true);
    // The person's party is involved in what the person does.
    expect(eventEntities(ctx).has('amptp')).toBe(true);
    refreshContext(ctx, apply(withPerson, { retract: ['quill-abernathy'] }, 3));
    expect(eventEntities(ctx).has('quill-abernathy')).toBe(false);
  });

  it('answers after a patch are the same as from a context built afresh on the same knowledge', () => {
    const base = loadPack(WGA_2023_PACK_DIR);
    const ctx = contextFromPack(base, { clock: () => NOW });
    const questions = ['who is Quill Abernathy?', 'when did they meet with the mediator?', 'where do the studios stand on mini rooms?', 'who is Lombardini?'];
    for (const q of questions) answerQuestion(ctx, q);
    const patched = apply(apply(base, { sources: [SOURCE], events: [EVENT] }, 1), { people: [PERSON] }, 2);
    refreshContext(ctx, patched);
    const incremental = questions.map((q) => answerQuestion(ctx, q));
    const fresh = contextFromPack(structuredClone(patched), { clock: () => NOW });
    expect(questions.map((q) => answerQuestion(fresh, q))).toEqual(incremental);
    expect(incremental[0]!.blocks.map((b) => JSON.stringify(b)).join(' ')).toContain('a mediator the studios brought in');
  });
});
