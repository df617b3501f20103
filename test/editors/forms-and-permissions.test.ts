import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { contextFromPack } from '../../src/core/create-context.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { formatUpdateTextForm, parseUpdateTextForm, textFieldOf } from '../../src/core/updates/update-text-form.js';
import { EditorUpdateSchema } from '../../src/core/updates/update-schema.js';
import { isDiscordEditor, memberRoleIds } from '../../src/bots/discord/editor-check.js';
import { createSlackEditorCheck } from '../../src/bots/slack/editor-check.js';
import { formErrors, readFormMeta, readUpdateForm } from '../../src/bots/slack/update-modal-state.js';
import { ACTION, BLOCK } from '../../src/bots/slack/update-modal-view.js';
import { RecordingLogger } from '../fakes/slack-recording-logger.js';
import { startFakeSlackWebApi, type FakeSlackWebApi } from '../fakes/slack-web-api.js';
import { AUG_12, PACK, meetingUpdate } from './support.js';

const ctx = contextFromPack(PACK, { clock: fixedClock(AUG_12) });

describe('the text form (Discord modals)', () => {
  it('writes an update out and reads it back unchanged', () => {
    const update = EditorUpdateSchema.parse(meetingUpdate({ status: 'tentative-agreement', unverified: true }));
    const form = formatUpdateTextForm(update, ctx);
    expect(form.when).toBe('2023-08-11 met unverified');
    expect(form.proposals).toBe('Minimum staffing in episodic TV; AMPTP counters; status tentative agreement');
    const { raw, problems } = parseUpdateTextForm(form, ctx);
    expect(problems).toEqual([]);
    expect(EditorUpdateSchema.parse(raw)).toEqual(update);
  });

  it('reads names and everyday words: proposal aliases, “the studios rejects”, a month-day date', () => {
    const { raw, problems } = parseUpdateTextForm(
      { story: 'Studios say no\nThe studios turned the staffing plan down.', when: 'Aug 11', proposals: 'mini rooms, guaranteed weeks; the studios rejects', quote: 'Lombardini: No deal on rooms.', source: 'Wire | Studios say no' },
      ctx,
    );
    expect(problems).toEqual([]);
    expect(raw).toMatchObject({ date: '2023-08-11', proposals: ['tv-minimum-staffing', 'tv-guaranteed-weeks'], stance: { party: 'amptp', stance: 'rejects' }, quote: { speaker: 'carol-lombardini', text: 'No deal on rooms.' }, source: { outlet: 'Wire', title: 'Studios say no', kind: 'press' } });
  });

  it('names the field of each problem it can see', () => {
    const { problems } = parseUpdateTextForm({ story: 'Headline only', when: 'soon', proposals: 'four day week; AMPTP dances', quote: 'Nobody Known: hello', source: 'Wire' }, ctx);
    expect(problems.map((p) => p.field)).toEqual(['what', 'date', 'proposals[0]', 'stance.stance', 'quote.speaker', 'source.title']);
    expect(problems.map((p) => textFieldOf(p.field))).toEqual(['story', 'when', 'proposals', 'proposals', 'quote', 'source']);
  });
});

describe('the Slack form', () => {
  const value = (v: Record<string, unknown>) => ({ [ACTION]: { type: 'x', ...v } });

  it('reads the submitted state into an update, leaving out empty inputs', () => {
    const { raw, reason } = readUpdateForm({
      [BLOCK.title]: value({ value: ' Talks resume ' }),
      [BLOCK.what]: value({ value: 'They met.' }),
      [BLOCK.date]: value({ selected_date: '2023-08-11' }),
      [BLOCK.proposals]: value({ selected_options: [{ value: 'tv-minimum-staffing' }] }),
      [BLOCK.stanceParty]: value({ selected_option: null }),
      [BLOCK.sourceOutlet]: value({ value: 'Wire' }),
      [BLOCK.sourceTitle]: value({ value: 'Talks resume' }),
      [BLOCK.sourceKind]: value({ selected_option: { value: 'union' } }),
      [BLOCK.flags]: value({ selected_options: [{ value: 'unverified' }] }),
      [BLOCK.reason]: value({ value: 'wrong day' }),
    });
    expect(EditorUpdateSchema.parse(raw)).toEqual({ title: 'Talks resume', what: 'They met.', date: '2023-08-11', proposals: ['tv-minimum-staffing'], contact: false, unverified: true, source: { outlet: 'Wire', title: 'Talks resume', kind: 'union' } });
    expect(reason).toBe('wrong day');
  });

  it('puts each problem under its input and trusts no forged metadata', () => {
    expect(formErrors([{ field: 'source', problem: 'every update needs a source' }, { field: 'proposals[0]', problem: 'unknown proposal "x"' }, { field: 'stance.stance', problem: 'required' }, { field: 'reason', problem: 'needs a reason' }], false)).toEqual({
      [BLOCK.sourceOutlet]: 'every update needs a source',
      [BLOCK.proposals]: 'unknown proposal "x"',
      [BLOCK.stance]: 'required',
      [BLOCK.what]: 'needs a reason',
    });
    expect(readFormMeta('{"amends":{"id":"7; DROP"}}')).toEqual({});
    expect(readFormMeta('not json')).toEqual({});
    expect(readFormMeta('{"channelId":"C1","amends":{"id":7,"reason":"typo"}}')).toEqual({ channelId: 'C1', amends: { id: 7, reason: 'typo' } });
  });
});

describe('who is an editor on Slack', () => {
  let fake: FakeSlackWebApi;
  let client: webApi.WebClient;
  const logger = new RecordingLogger();
  beforeAll(async () => {
    fake = await startFakeSlackWebApi();
    client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
    fake.respondWith('usergroups.users.list', (c) => (c.body.usergroup === 'S0EDITORS' ? { users: ['U0GROUPED'] } : { ok: false, error: 'no_such_subteam' }));
  });
  afterAll(() => fake.close());

  it('counts listed users and members of listed user groups, caching a group for a minute', async () => {
    let now = Date.parse(AUG_12);
    const check = createSlackEditorCheck(['U0EDITOR', 'S0EDITORS', 'S0BROKEN'], { clock: () => new Date(now) });
    expect(await check.forUser({ client, userId: 'U0EDITOR', logger })()).toBe(true);
    expect(fake.callsTo('usergroups.users.list')).toHaveLength(0);
    expect(await check.forUser({ client, userId: 'U0GROUPED', logger })()).toBe(true);
    expect(await check.forUser({ client, userId: 'U0GROUPED', logger })()).toBe(true);
    expect(fake.callsTo('usergroups.users.list')).toHaveLength(1);
    expect(await check.forUser({ client, userId: 'U0MEMBER', logger })()).toBe(false);
    now += 61_000;
    expect(await check.forUser({ client, userId: 'U0GROUPED', logger })()).toBe(true);
    expect(fake.callsTo('usergroups.users.list').filter((c) => c.body.usergroup === 'S0EDITORS')).toHaveLength(2);
  });

  it('treats a failed group look-up as not an editor, and logs it', async () => {
    const check = createSlackEditorCheck(['S0BROKEN']);
    expect(await check.forUser({ client, userId: 'U0GROUPED', logger })()).toBe(false);
    expect(logger.lines.map((l) => l.text).join('\n')).toMatch(/usergroups\.users\.list failed for S0BROKEN/);
  });
});

describe('who is an editor on Discord', () => {
  it('counts members holding a listed role, in either member shape, and listed user ids', () => {
    const apiMember = { roles: ['111', '222'] };
    const cached = { roles: { cache: new Map([['333', {}]]) } } as never;
    expect(memberRoleIds(apiMember as never)).toEqual(['111', '222']);
    expect(isDiscordEditor(['222'], 'u1', apiMember as never)).toBe(true);
    expect(isDiscordEditor(['333'], 'u1', cached)).toBe(true);
    expect(isDiscordEditor(['444'], 'u1', apiMember as never)).toBe(false);
    expect(isDiscordEditor(['u1'], 'u1', null)).toBe(true);
    expect(isDiscordEditor(['222'], 'u1', null)).toBe(false);
  });
});
