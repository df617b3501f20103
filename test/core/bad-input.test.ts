import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allCommands, runCommandText } from '../../src/core/commands/registry.js';
import { shippedContext } from '../support/core-context.js';

const ctx = shippedContext();
const origin = { platform: 'shell' as const, userId: 'fuzz' };

/** Every reply must be a usable reply: a title, a fallback, no raw control characters echoed back. */
function expectUsable(reply: Awaited<ReturnType<typeof runCommandText>>) {
  expect(reply.title.length).toBeGreaterThan(0);
  expect(reply.fallbackText.length).toBeGreaterThan(0);
  expect(reply.fallbackText).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
}

describe('bad input gets a clear reply', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '   \t  '],
    ['10,000 characters', `ask ${'why '.repeat(2500)}`],
    ['control characters', 'ask who\u0000 is\u0007 \u001b[31mlombardini\u0008?'],
    ['emoji', 'ask 🪧✊ what did the guild say? 🎬'],
    ['markdown', 'ask **what** did _the_ `amptp` ~say~ > about [mini rooms](http://x)?'],
    ['Slack mentions', 'ask <!channel> <!here> <@U123> what is the viewership residual?'],
    ['Discord mentions', 'ask @everyone @here <@123456789012345678> <@&42> where did they meet'],
    ['unknown subcommand', 'frobnicate'],
    ['unknown proposal', 'proposal time travel'],
  ])('%s', async (_label, text) => {
    const reply = await runCommandText(ctx, text, origin);
    expectUsable(reply);
  });

  it('never echoes a mention back in a way a platform would ping', async () => {
    const reply = await runCommandText(ctx, 'ask <!channel> @everyone <@U123> where is sherman oaks?', origin);
    // Renderers escape what remains; the core must at least not invent mentions of its own.
    expect(reply.blocks.filter((b) => b.kind === 'text').map((b) => (b.kind === 'text' ? b.line.text : '')).join(' ')).not.toMatch(/<!channel>|@everyone/);
  });

  it('answers a question wrapped in mention syntax as the plain question', async () => {
    const plain = await runCommandText(ctx, 'ask where did the meeting take place?', origin);
    const wrapped = await runCommandText(ctx, 'ask <@U123> where did the meeting take place? <!here>', origin);
    expect(wrapped.answered).toBe(true);
    expect(wrapped.blocks).toEqual(plain.blocks);
  });

  it('survives 1,000 random inputs through every command without throwing', async () => {
    const names = allCommands(ctx).map((c) => c.name);
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 120 }),
      fc.string({ unit: fc.constantFrom(...'<>@!#&*_~`|[]()\\\'"‘’“”\u0000\u200b\n\t '), maxLength: 80 }),
      fc.array(fc.constantFrom('who', 'what', 'the', 'guild', 'studios', 'mini', 'rooms', 'lombardini', 'aug', '4', 'may', '1', 'friday', 'besides', 'will', 'how', 'many', '?', '<!channel>', '@everyone'), { maxLength: 25 }).map((w) => w.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names, ''), text, async (name, arg) => {
        const reply = await runCommandText(ctx, `${name} ${arg}`, origin);
        expectUsable(reply);
      }),
      { numRuns: 1000, seed: 20230804 },
    );
  });
});
