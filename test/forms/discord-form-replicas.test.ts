import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord } from '../fakes/discord-fake.js';
import { fillModal, readModalCallback, type FakeModal } from '../fakes/discord-fake-modals.js';
import { buttonInteraction, commandInteraction, type FakeActor } from '../fakes/discord-fake-payloads.js';
import { createInteractionSigner, postInteraction, type InteractionSigner } from '../fakes/discord-interaction-signer.js';
import { sharedDatabaseFile, startReplica, type Replica } from '../discord/http-replicas.js';
import { modalSubmitInteraction } from '../editors/discord-editor-payloads.js';
import { AUG_12 } from '../editors/support.js';
import { buttons } from './discord-form-driver.js';

const PERSON = { name: 'Dana Okafor', party: 'wga', role: 'Deputy negotiator', 'source.outlet': 'Harbor Labor Wire', 'source.title': 'Guild adds a deputy negotiator', 'source.kind': 'press' };

describe('Discord forms on replicas sharing one database file', { timeout: 60_000 }, () => {
  let fake: FakeDiscord;
  let signer: InteractionSigner;
  let database: ReturnType<typeof sharedDatabaseFile>;
  let running: Replica[] = [];
  // One clock for every replica, moved by the test: memos expire by it.
  let now = new Date(AUG_12);
  const clock = () => new Date(now);

  beforeEach(async () => {
    now = new Date(AUG_12);
    fake = await startFakeDiscord();
    signer = createInteractionSigner();
    database = sharedDatabaseFile();
  });
  afterEach(async () => {
    for (const replica of running.reverse()) await replica.stop();
    running = [];
    await fake.close();
    database.remove();
  });

  const start = async (name: string, gateway = false) => {
    const replica = await startReplica(name, fake, { databasePath: database.path, publicKeyHex: signer.publicKeyHex, gateway, forms: true, clock });
    running.push(replica);
    return replica;
  };
  const stop = async (replica: Replica) => {
    running = running.filter((r) => r !== replica);
    await replica.stop();
  };
  /** POSTs an interaction, signed, to one replica's endpoint. */
  const post = async <T extends object>(replica: Replica, interaction: T): Promise<T> => {
    const body = JSON.stringify(interaction);
    expect((await postInteraction(replica.url, body, signer.headers(body))).status).toBe(202);
    return interaction;
  };
  const modalOf = async (i: { id: string }): Promise<FakeModal> =>
    readModalCallback((await fake.waitForCall((c) => c.route === FAKE_ROUTES.callback && c.params.id === i.id, `the modal for ${i.id}`)).body as never);
  const answerOf = (i: { token: string }, text: string) =>
    fake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === i.token && JSON.stringify(c.body).includes(text), `an answer to ${i.token} containing “${text}”`);
  const callbackOf = (i: { id: string }) => fake.waitForCall((c) => c.route === FAKE_ROUTES.callback && c.params.id === i.id, `the callback for ${i.id}`);
  /** The patches stored, as JSON text, read from the shared file. */
  const patches = async (replica: Replica) => (await replica.store.db.selectFrom('updates').select('content').where('kind', '=', 'patch').execute()).map((r) => r.content);
  /** The Confirm button's custom id in a confirmation. */
  const confirmOf = async (i: { token: string }) => buttons(await answerOf(i, 'Confirm this change'), 'ok')[0]!;
  /** Submits one page on `replica`; returns the Continue button's custom id from the answer. */
  const keepPage = async (replica: Replica, modal: FakeModal, actor: FakeActor = 'steward') => {
    const kept = await answerOf(await post(replica, fillModal(modal, PERSON, { actor })), 'kept');
    return buttons(kept, 'open')[0]!;
  };

  it('takes a form opened on one replica, continued and confirmed on the other, and saves it once', async () => {
    const a = await start('a', true);
    const b = await start('b');
    let modal = await modalOf(await post(a, commandInteraction('strike-editor', 'new', { kind: 'person' }, { actor: 'steward' })));
    expect(modal.title).toBe('New person (1 of 3)');
    // Page 1 on a, its Continue on b, page 2 on b, its Continue on a, page 3 on b, Confirm on a: every hop changes replica.
    modal = await modalOf(await post(b, buttonInteraction(await keepPage(a, modal), { actor: 'steward' })));
    expect(modal.title).toBe('New person (2 of 3)');
    modal = await modalOf(await post(a, buttonInteraction(await keepPage(b, modal), { actor: 'steward' })));
    expect(modal.title).toBe('New person (3 of 3)');
    const ok = await confirmOf(await post(b, fillModal(modal, PERSON, { actor: 'steward' })));
    // A double click lands one press on each replica: one saves, the other says so.
    const presses = [await post(a, buttonInteraction(ok, { actor: 'steward' })), await post(b, buttonInteraction(ok, { actor: 'steward' }))];
    const answers = await Promise.all(presses.map((p) => fake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === p.token && /saved|already confirmed/.test(JSON.stringify(c.body)), `the answer to ${p.id}`)));
    expect(answers.map((c) => /already confirmed/.test(JSON.stringify(c.body))).sort()).toEqual([false, true]);
    // The same last page delivered again, through the other replica: still one patch, and the editor is told.
    await answerOf(await post(a, fillModal(modal, PERSON, { actor: 'steward' })), 'Already submitted');
    const stored = await patches(a);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('Dana Okafor');
  });

  it('keeps a form in progress, and its held patch, across restarts of the replica that has them', async () => {
    await start('gateway', true);
    const first = await start('first');
    const opened = await modalOf(await post(first, commandInteraction('strike-editor', 'new', { kind: 'person' }, { actor: 'steward' })));
    const next = await keepPage(first, opened);
    await stop(first);
    const second = await start('second');
    let modal = await modalOf(await post(second, buttonInteraction(next, { actor: 'steward' })));
    modal = await modalOf(await post(second, buttonInteraction(await keepPage(second, modal), { actor: 'steward' })));
    const ok = await confirmOf(await post(second, fillModal(modal, PERSON, { actor: 'steward' })));
    await stop(second);
    const third = await start('third');
    await answerOf(await post(third, buttonInteraction(ok, { actor: 'steward' })), 'saved');
    // The name was typed on page 1 only, in the first process: it came back from the database.
    const stored = await patches(third);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('Dana Okafor');
  });

  it('refuses someone else’s form politely, and leaves it to its owner', async () => {
    const a = await start('a', true);
    const b = await start('b');
    const first = await modalOf(await post(a, commandInteraction('strike-editor', 'new', { kind: 'person' }, { actor: 'steward' })));
    const next = await keepPage(a, first);
    const pressed = await post(b, buttonInteraction(next, { actor: 'member' }));
    expect((await callbackOf(pressed)).body).toMatchObject({ type: 5, data: { flags: 64 } });
    expect(JSON.stringify((await answerOf(pressed, 'This form has expired')).body)).toContain('opened by someone else');
    // A page submitted under the steward's token by someone else is refused the same way.
    await answerOf(await post(b, fillModal(first, PERSON, { actor: 'member' })), 'This form has expired');
    let modal = await modalOf(await post(b, buttonInteraction(next, { actor: 'steward' })));
    expect(modal.title).toBe('New person (2 of 3)');
    modal = await modalOf(await post(a, buttonInteraction(await keepPage(b, modal), { actor: 'steward' })));
    const ok = await confirmOf(await post(a, fillModal(modal, PERSON, { actor: 'steward' })));
    // Nor may anyone else confirm the steward's change.
    await answerOf(await post(b, buttonInteraction(ok, { actor: 'member' })), 'Nothing was saved');
    expect(await patches(a)).toHaveLength(0);
    await answerOf(await post(b, buttonInteraction(ok, { actor: 'steward' })), 'saved');
    expect(await patches(a)).toHaveLength(1);
  });

  it('refuses an expired form politely, whichever replica it reaches', async () => {
    const a = await start('a', true);
    const b = await start('b');
    const first = await modalOf(await post(a, commandInteraction('strike-editor', 'new', { kind: 'person' }, { actor: 'steward' })));
    const next = await keepPage(a, first);
    now = new Date(now.getTime() + 60 * 60 * 1000 + 1);
    for (const replica of [a, b]) {
      const pressed = await post(replica, buttonInteraction(next, { actor: 'steward' }));
      expect((await callbackOf(pressed)).body).toMatchObject({ type: 5, data: { flags: 64 } });
      expect(JSON.stringify((await answerOf(pressed, 'This form has expired')).body)).toContain('nothing was saved');
    }
    // No second page was shown: the only modal is the first one.
    expect(fake.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.body.type === 9)).toHaveLength(1);
  });

  it('refuses an update form whose memo is gone instead of storing it as a new update', async () => {
    const a = await start('a', true);
    const form = { story: 'Guild and studios meet\nThey met for three hours.', when: '2023-08-11 met', proposals: '', quote: '', source: 'Harbor Labor Wire | Guild and studios meet | press | https://example.org/meet' };
    const submitted = await post(a, modalSubmitInteraction('sw-ed:form:AAAAAAAAAAAAAAAAAAAA', form, { actor: 'steward' }));
    expect(JSON.stringify((await answerOf(submitted, 'This form has expired')).body)).toContain('Nothing was saved');
    expect(await a.store.db.selectFrom('updates').select('id').execute()).toEqual([]);
  });
});
