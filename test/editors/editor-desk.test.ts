import { afterEach, describe, expect, it } from 'vitest';
import { runCommandText } from '../../src/core/commands/registry.js';
import { EditorUpdateSchema } from '../../src/core/updates/update-schema.js';
import { STORE_KINDS } from '../support/test-store.js';
import { AUG_12, meetingUpdate, origin, startDesk, type DeskHarness } from './support.js';

let h: DeskHarness;
afterEach(() => h?.close());

const status = async () => (await runCommandText(h.ctx, 'status', origin(false))).fallbackText;
const countRows = async (table: 'updates' | 'corrections') => Number((await h.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const attempts = () => h.db.db.selectFrom('edit_attempts');

describe.each(STORE_KINDS)('the editors’ desk on %s', (kind) => {

describe('submitting an update', () => {
  it('stores an update without a stance change at once, with its author and time, and every command sees it', async () => {
    h = await startDesk(AUG_12, kind);
    const outcome = await h.desk.submit(h.ctx, meetingUpdate({ stance: undefined }), origin(true));
    expect(outcome.kind).toBe('stored');
    expect(await h.store.list()).toEqual([expect.objectContaining({ id: 1, author: 'slack:U0EDITOR', recordedAt: AUG_12, unverified: false, origin: 'editor' })]);
    expect(await status()).toContain('Last contact: Aug 11, 2023: WGA and AMPTP negotiators meet again');
    expect(outcome.reply.fallbackText).toMatch(/Update #1 saved/);
  });

  it('asks to confirm a stance change with before and after, and stores it only once the same editor confirms', async () => {
    h = await startDesk(AUG_12, kind);
    const outcome = await h.desk.submit(h.ctx, meetingUpdate(), origin(true));
    if (outcome.kind !== 'confirm') throw new Error(`expected a confirmation, got ${outcome.kind}`);
    expect(outcome.reply.fallbackText).toContain('AMPTP on Minimum staffing in episodic TV: before: AMPTP rejects it (since Aug 4, 2023)');
    expect(outcome.reply.fallbackText).toContain('AMPTP on Minimum staffing in episodic TV: after: AMPTP has countered (from Aug 11, 2023)');
    expect(await countRows('updates')).toBe(0);

    expect((await h.desk.confirm(h.ctx, outcome.pendingId, origin(true, 'U0OTHER'))).kind).toBe('invalid');
    const stored = await h.desk.confirm(h.ctx, outcome.pendingId, origin(true));
    expect(stored.kind).toBe('stored');
    expect(await status()).toContain('Minimum staffing in episodic TV: WGA demands it; AMPTP has countered');
    // A confirmation is used once.
    expect((await h.desk.confirm(h.ctx, outcome.pendingId, origin(true))).kind).toBe('invalid');
    expect(await countRows('updates')).toBe(1);
  });

  it('shows before and after of a status change', async () => {
    h = await startDesk(AUG_12, kind);
    const outcome = await h.desk.submit(h.ctx, meetingUpdate({ stance: undefined, status: 'tentative-agreement' }), origin(true));
    expect(outcome.kind).toBe('confirm');
    expect(outcome.reply.fallbackText).toContain('Status of the dispute: before: On strike (since May 2, 2023)');
    expect(outcome.reply.fallbackText).toContain('Status of the dispute: after: Tentative agreement reached (from Aug 11, 2023)');
  });

  it('refuses a non-editor privately, logs the attempt and changes nothing', async () => {
    h = await startDesk(AUG_12, kind);
    const before = await status();
    const outcome = await h.desk.submit(h.ctx, meetingUpdate({ stance: undefined }), origin(false));
    expect(outcome.kind).toBe('refused');
    expect(outcome.reply).toMatchObject({ visibility: 'private', answered: false });
    expect(outcome.reply.fallbackText).toMatch(/Only editors can change what Strikewire says[\s\S]*nothing was changed/);
    expect(await countRows('updates')).toBe(0);
    expect(await status()).toBe(before);
    expect(await attempts().select(['platform', 'user_id', 'action', 'allowed']).execute()).toEqual([{ platform: 'slack', user_id: 'U0MEMBER', action: 'update', allowed: 0 }]);
    expect(h.logs.join('\n')).toMatch(/refused update by slack user U0MEMBER/);
  });

  it('refuses when the editor check itself fails', async () => {
    h = await startDesk(AUG_12, kind);
    const broken = { ...origin(true), isEditor: () => Promise.reject(new Error('usergroups.users.list failed')) };
    expect((await h.desk.submit(h.ctx, meetingUpdate(), broken)).kind).toBe('refused');
    expect((await h.desk.submit(h.ctx, meetingUpdate(), { platform: 'shell' as const })).kind).toBe('refused');
    expect(await countRows('updates')).toBe(0);
  });

  it('refuses a malformed submission with every field at fault named', async () => {
    h = await startDesk(AUG_12, kind);
    const outcome = await h.desk.submit(h.ctx, meetingUpdate({ source: undefined, date: '2023-09-01', proposals: ['no-such-proposal'] }), origin(true));
    if (outcome.kind !== 'invalid') throw new Error(`expected invalid, got ${outcome.kind}`);
    expect(outcome.problems.map((p) => p.field).sort()).toEqual(['source']);
    const second = await h.desk.submit(h.ctx, meetingUpdate({ date: '2023-09-01', proposals: ['no-such-proposal'] }), origin(true));
    if (second.kind !== 'invalid') throw new Error(`expected invalid, got ${second.kind}`);
    expect(second.problems.map((p) => p.field).sort()).toEqual(['date', 'proposals[0]']);
    expect(second.reply.fallbackText).toMatch(/Date: Sept 1, 2023 is in the future/);
    expect(second.reply.fallbackText).toMatch(/Proposals: unknown proposal "no-such-proposal"/);
    expect(await countRows('updates')).toBe(0);
  });
});

describe('verify, correct and log', () => {
  const stored = async (overrides: Parameters<typeof meetingUpdate>[0] = {}) => {
    const outcome = await h.desk.submit(h.ctx, meetingUpdate({ stance: undefined, ...overrides }), origin(true));
    if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}: ${outcome.reply.fallbackText}`);
    return outcome.record;
  };

  it('labels an unverified update until an editor verifies it, and keeps it out of the verified knowledge', async () => {
    h = await startDesk(AUG_12, kind);
    const record = await stored({ unverified: true });
    expect(await status()).toContain('Last contact: Unverified: Aug 11, 2023');
    expect(h.ctx.verifiedKnowledge?.events.some((e) => e.id === 'update-1')).toBe(false);

    expect((await runCommandText(h.ctx, `verify ${record.id}`, origin(false))).fallbackText).toMatch(/Only editors/);
    const reply = await runCommandText(h.ctx, `verify ${record.id}`, origin(true));
    expect(reply.fallbackText).toMatch(/Update #1 verified/);
    expect(await status()).toContain('Last contact: Aug 11, 2023: WGA and AMPTP negotiators meet again');
    expect(h.ctx.verifiedKnowledge).toBeUndefined();
    expect(await h.store.get(1)).toMatchObject({ unverified: false, verifiedBy: 'slack:U0EDITOR', verifiedAt: AUG_12 });
    expect((await runCommandText(h.ctx, 'verify 1', origin(true))).fallbackText).toMatch(/already verified/);
  });

  it('retracts with a required reason; the update leaves every answer and the correction keeps who, when and why', async () => {
    h = await startDesk(AUG_12, kind);
    await stored();
    expect((await runCommandText(h.ctx, 'correct 1 retract', origin(true))).fallbackText).toMatch(/needs a reason/);
    expect((await runCommandText(h.ctx, `correct 1 retract ${'because '.repeat(40)}`, origin(true))).fallbackText).toMatch(/under 300 characters/);
    expect((await runCommandText(h.ctx, 'correct 1 the meeting never happened', origin(true))).fallbackText).toMatch(/retract or amend/);
    expect((await runCommandText(h.ctx, 'correct 1 retract the meeting never happened', origin(false))).fallbackText).toMatch(/Only editors/);
    expect(await countRows('corrections')).toBe(0);

    const reply = await runCommandText(h.ctx, 'correct #1 retract the meeting never happened', origin(true));
    expect(reply.fallbackText).toMatch(/Update #1 retracted/);
    expect(reply.fallbackText).toMatch(/was retracted: the meeting never happened\./);
    expect(await status()).toContain('Last contact: Aug 4, 2023');
    expect(await h.store.recentCorrections(5)).toEqual([expect.objectContaining({ updateId: 1, kind: 'retract', reason: 'the meeting never happened', author: 'slack:U0EDITOR', at: AUG_12, published: false })]);
    expect((await runCommandText(h.ctx, 'correct 1 retract again', origin(true))).fallbackText).toMatch(/already retracted/);
  });

  it('amends through the form: the content is replaced and the correction keeps before and after', async () => {
    h = await startDesk(AUG_12, kind);
    await stored();
    const outcome = await h.desk.submit(h.ctx, meetingUpdate({ stance: undefined, date: '2023-08-10', title: 'Negotiators meet on Aug 10' }), origin(true), { amends: { id: 1, reason: 'it was Thursday, not Friday' } });
    expect(outcome.kind).toBe('stored');
    expect(outcome.reply.fallbackText).toMatch(/Update #1 corrected/);
    expect(await status()).toContain('Last contact: Aug 10, 2023: Negotiators meet on Aug 10');
    const [correction] = await h.store.recentCorrections(1);
    expect(correction).toMatchObject({ kind: 'amend', reason: 'it was Thursday, not Friday', before: { date: '2023-08-11' }, after: { date: '2023-08-10' } });
    const noReason = await h.desk.submit(h.ctx, meetingUpdate({ stance: undefined }), origin(true), { amends: { id: 1, reason: '' } });
    expect(noReason).toMatchObject({ kind: 'invalid', problems: [{ field: 'reason' }] });
  });

  it('shows editors the log with authors and times, and refuses everyone else', async () => {
    h = await startDesk(AUG_12, kind);
    await stored();
    await runCommandText(h.ctx, 'correct 1 retract duplicate of an earlier item', origin(true));
    await runCommandText(h.ctx, 'verify 1', origin(false));
    expect((await runCommandText(h.ctx, 'log', origin(false))).fallbackText).toMatch(/Only editors/);
    const log = (await runCommandText(h.ctx, 'log', origin(true))).fallbackText;
    expect(log).toContain('#1 Aug 11, 2023: WGA and AMPTP negotiators meet again. By Slack user U0EDITOR, Aug 12, 2023, 10:00 UTC; retracted Aug 12, 2023, 10:00 UTC.');
    expect(log).toContain('#1 retracted by Slack user U0EDITOR, Aug 12, 2023, 10:00 UTC: duplicate of an earlier item');
    expect(log).toMatch(/slack user U0MEMBER tried verify #1/);
  });

  it('picks up updates another process stored', async () => {
    h = await startDesk(AUG_12, kind);
    expect(await h.desk.syncIfChanged(h.ctx)).toBe(false);
    await h.store.add({ update: EditorUpdateSchema.parse(meetingUpdate({ stance: undefined, unverified: true })), origin: 'ingest', author: 'cli', at: new Date(AUG_12) });
    expect(await h.desk.syncIfChanged(h.ctx)).toBe(true);
    expect(await status()).toContain('Unverified: Aug 11, 2023');
  });

  it('sends writes that come without an editor check (mentions, DMs) to the slash command, changing nothing', async () => {
    h = await startDesk(AUG_12, kind);
    const reply = await runCommandText(h.ctx, 'correct 1 retract because', { platform: 'discord', userId: '42', channelId: '7' });
    expect(reply.fallbackText).toMatch(/Editor commands need \/strike[\s\S]*Nothing was changed/);
    expect(reply.visibility).toBe('private');
    expect(await attempts().select(['allowed', 'detail']).execute()).toEqual([{ allowed: 0, detail: 'no editor check on this path' }]);
  });

  it('answers "/strike update on ..." as a question, not as the editor command', async () => {
    h = await startDesk(AUG_12, kind);
    const reply = await runCommandText(h.ctx, 'update on mini rooms?', origin(false));
    expect(reply.command).toBe('ask');
  });
});
});
