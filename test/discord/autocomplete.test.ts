import { describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../../src/bots/discord/autocomplete.js';
import { AUTOCOMPLETE_LIMITS } from '../../src/bots/discord/discord-limits.js';
import type { Pack } from '../../src/core/knowledge/schema.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { testContext } from './bot-harness.js';

const ctx = testContext();
const names = (sub: string, typed: string) => autocompleteChoices(ctx, sub, typed).map((c) => c.value);

describe('autocompleteChoices', () => {
  it('offers every proposal, and only proposals, before anything is typed', () => {
    expect(names('proposal', '')).toEqual(ctx.knowledge.pack.proposals.map((p) => p.name));
  });

  it('finds a proposal by an alias and says which alias matched', () => {
    const choices = autocompleteChoices(ctx, 'proposal', 'mini r');
    expect(choices[0]).toEqual({ name: 'Minimum staffing in episodic TV · “mini rooms”', value: 'Minimum staffing in episodic TV' });
  });

  it('completes people and parties for who, by name, alias or short name', () => {
    expect(names('who', 'lomb')[0]).toBe('Carol Lombardini');
    expect(names('who', 'the studios')[0]).toBe('AMPTP');
    expect(names('who', 'wga')[0]).toBe('WGA');
    expect(names('who', '')).toEqual(expect.arrayContaining(['Ellen Stutzman', 'AMPTP', 'WGA']));
    expect(names('who', '')).not.toContain('Minimum staffing in episodic TV');
  });

  it('puts name matches before misspellings, and still offers a misspelled name', () => {
    expect(names('who', 'lombardni')).toEqual(['Carol Lombardini']);
  });

  it('offers nothing for options that do not name anything', () => {
    expect(autocompleteChoices(ctx, 'ask', 'lomb')).toEqual([]);
  });

  it('returns at most 25 choices of at most 100 characters each', () => {
    const pack = ctx.knowledge.pack;
    const many: Pack = {
      ...pack,
      proposals: Array.from({ length: 40 }, (_, i) => ({ ...pack.proposals[0]!, id: `p-${i}`, name: `Proposal ${i} ${'with a very long name '.repeat(8)}`, aliases: [] })),
    };
    const big = contextFromPack(many);
    const choices = autocompleteChoices(big, 'proposal', 'proposal');
    expect(choices).toHaveLength(AUTOCOMPLETE_LIMITS.choices);
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(AUTOCOMPLETE_LIMITS.choiceName);
      expect(c.value.length).toBeLessThanOrEqual(AUTOCOMPLETE_LIMITS.choiceValue);
    }
  });
});
