import { verify } from 'node:crypto';
import { InteractionResponseType, MessageFlags } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInteractionSignature, interactionPublicKey } from '../../src/bots/discord/interaction-signature.js';
import { MAX_INTERACTION_BODY_BYTES } from '../../src/bots/discord/interactions-endpoint.js';
import { FAKE_ROUTES, startFakeDiscord, type FakeDiscord, type RecordedCall } from '../fakes/discord-fake.js';
import { autocompleteInteraction, buttonInteraction, commandInteraction, slashInteraction } from '../fakes/discord-fake-payloads.js';
import { createInteractionSigner, postInteraction, type InteractionSigner } from '../fakes/discord-interaction-signer.js';
import { modalSubmitInteraction } from '../editors/discord-editor-payloads.js';
import { originalEditOf } from './bot-harness.js';
import { contextFromPack } from '../../src/core/create-context.js';
import { EditorUpdateSchema } from '../../src/core/updates/update-schema.js';
import { formatUpdateTextForm } from '../../src/core/updates/update-text-form.js';
import { meetingUpdate, PACK } from '../editors/support.js';
import { sharedDatabaseFile, startReplica, type Replica } from './http-replicas.js';

describe('the Ed25519 check, on the fixed RFC 8032 test key', () => {
  // RFC 8032 section 7.1 TEST 1 key; the signature over timestamp + body is Ed25519's (deterministic) output.
  const key = interactionPublicKey('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
  const timestamp = '1700000000';
  const body = Buffer.from('{"id":"787053080478613555","token":"ThisIsATokenFromDiscordThatIsVeryLong","type":1,"version":1}');
  const signature = 'f0bd878adcef1f6d475c9644421905bd02b5de38e0d3ecfc6f58a711962c69ccc8dd7c9db312f9bdf08b1e1b8182e27a844da728c5e0dbb5507bf9931c1ed80b';
  const at = Number(timestamp) * 1000;

  it('reads the key as RFC 8032 defines it (TEST 1: the empty message)', () => {
    const empty = Buffer.from('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b', 'hex');
    expect(verify(null, Buffer.alloc(0), key, empty)).toBe(true);
  });

  it('accepts the vector, and refuses it with one character of body, timestamp or signature changed', () => {
    expect(checkInteractionSignature(key, { signature, timestamp }, body, at)).toBeUndefined();
    expect(checkInteractionSignature(key, { signature, timestamp: '1700000001' }, body, at)).toBe('bad signature');
    expect(checkInteractionSignature(key, { signature, timestamp }, Buffer.from(body.toString().replace('"type":1', '"type":2')), at)).toBe('bad signature');
    expect(checkInteractionSignature(key, { signature: `0${signature.slice(1)}`, timestamp }, body, at)).toBe('bad signature');
  });

  it('refuses a missing or malformed signature, and a timestamp more than five minutes off either way', () => {
    expect(checkInteractionSignature(key, { signature: undefined, timestamp }, body, at)).toBe('missing signature');
    expect(checkInteractionSignature(key, { signature, timestamp: undefined }, body, at)).toBe('missing signature');
    expect(checkInteractionSignature(key, { signature: `${signature.slice(0, -1)}z`, timestamp }, body, at)).toBe('malformed signature');
    expect(checkInteractionSignature(key, { signature: signature.slice(2), timestamp }, body, at)).toBe('malformed signature');
    expect(checkInteractionSignature(key, { signature, timestamp: '1.7e9' }, body, at)).toBe('malformed signature');
    expect(checkInteractionSignature(key, { signature, timestamp }, body, at + 300_000)).toBeUndefined();
    expect(checkInteractionSignature(key, { signature, timestamp }, body, at + 301_000)).toBe('stale timestamp');
    expect(checkInteractionSignature(key, { signature, timestamp }, body, at - 301_000)).toBe('stale timestamp');
  });
});

/** The editors' form filled in for the Aug 11 meeting, as an editor types it. */
const meetingForm = formatUpdateTextForm(EditorUpdateSchema.parse(meetingUpdate()), contextFromPack(PACK));

describe('POST /discord/interactions on two replicas sharing one database', { timeout: 30_000 }, () => {
  let fake: FakeDiscord;
  let signer: InteractionSigner;
  let database: ReturnType<typeof sharedDatabaseFile>;
  // The gateway holder, and a replica that never logs in to the gateway.
  let holder: Replica;
  let restOnly: Replica;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    signer = createInteractionSigner();
    database = sharedDatabaseFile();
    holder = await startReplica('holder', fake, { databasePath: database.path, publicKeyHex: signer.publicKeyHex, gateway: true });
    restOnly = await startReplica('rest-only', fake, { databasePath: database.path, publicKeyHex: signer.publicKeyHex, gateway: false });
  });
  afterAll(async () => {
    await restOnly?.stop();
    await holder?.stop();
    await fake?.close();
    database?.remove();
  });

  /** POSTs a payload signed now (or at `timestampSec`) to a replica. */
  const post = (replica: Replica, payload: object, timestampSec?: number) => {
    const body = JSON.stringify(payload);
    return postInteraction(replica.url, body, signer.headers(body, timestampSec));
  };
  const callbacksFor = (id: string) => fake.calls.filter((c) => c.route === FAKE_ROUTES.callback && c.params.id === id);
  /** The edit of @original that carries `text`. */
  const answerOf = (i: { token: string }, text: string) =>
    fake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === i.token && JSON.stringify(c.body).includes(text), `an answer to ${i.token} containing “${text}”`);
  const contentOf = (call: RecordedCall) => ({ content: call.body.content, embeds: call.body.embeds, allowed_mentions: call.body.allowed_mentions });

  it('answers PING with PONG as JSON, on a replica that never logged in to the gateway', async () => {
    expect(fake.identifies).toHaveLength(1);
    const answer = await post(restOnly, { id: '900000000000000999', application_id: '900000000000000001', type: 1, token: 'ping-token', version: 1 });
    expect(answer).toEqual({ status: 200, contentType: 'application/json', text: '{"type":1}' });
  });

  it('answers /strike status on either replica with what the gateway path gives, after the first response reached Discord', async () => {
    const viaGateway = slashInteraction('status');
    fake.dispatch('INTERACTION_CREATE', viaGateway);
    const gatewayEdit = await originalEditOf(fake, viaGateway);

    for (const replica of [restOnly, holder]) {
      const interaction = slashInteraction('status');
      const answer = await post(replica, interaction);
      expect(answer).toEqual({ status: 202, contentType: null, text: '' });
      // The deferral went out through the callback route before the 202, as Discord requires for that route.
      expect(callbacksFor(interaction.id).map((c) => c.body)).toEqual([{ type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: MessageFlags.Ephemeral } }]);
      const edit = await originalEditOf(fake, interaction);
      expect(edit.body.allowed_mentions).toEqual({ parse: [] });
      expect(contentOf(edit)).toEqual(contentOf(gatewayEdit));
      expect(replica.seen).toContain(interaction.id);
    }
  });

  it('refuses a bad, missing or stale signature with 401 before any handler runs', async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = slashInteraction('status');
    const body = JSON.stringify(forged);
    const signed = signer.headers(body);
    const refusals = [
      await postInteraction(restOnly.url, body, { ...signed, 'x-signature-ed25519': createInteractionSigner().headers(body)['x-signature-ed25519']! }),
      await postInteraction(restOnly.url, `${body} `, signed),
      await postInteraction(restOnly.url, body, { 'content-type': 'application/json' }),
      await post(restOnly, forged, now - 301),
      await post(holder, forged, now + 302),
    ];
    expect(refusals.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect([...restOnly.seen, ...holder.seen]).not.toContain(forged.id);
    expect(callbacksFor(forged.id)).toEqual([]);
  });

  it('answers an interaction delivered twice, to each replica, once', async () => {
    const interaction = slashInteraction('status');
    const first = await post(holder, interaction);
    const again = await post(restOnly, interaction);
    const third = await post(holder, interaction);
    expect([first.status, again.status, third.status]).toEqual([202, 202, 202]);
    expect(callbacksFor(interaction.id)).toHaveLength(1);
    expect([...holder.seen, ...restOnly.seen].filter((id) => id === interaction.id)).toHaveLength(1);
  });

  it('serves autocomplete, and a Share button pressed on the other replica than the one that answered', async () => {
    const typed = autocompleteInteraction('proposal', 'name', 'mini');
    await post(restOnly, typed);
    const [choices] = callbacksFor(typed.id);
    expect(choices!.body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(choices!.body.data.choices.length).toBeGreaterThan(0);

    const asked = slashInteraction('proposal', { name: 'mini rooms' });
    await post(restOnly, asked);
    const answer = await originalEditOf(fake, asked);
    const share = answer.body.components[0].components[0].custom_id as string;
    const press = buttonInteraction(share);
    expect((await post(holder, press)).status).toBe(202);
    expect(callbacksFor(press.id).map((c) => c.body)).toEqual([{ type: InteractionResponseType.DeferredMessageUpdate }]);
    const shared = await fake.waitForCall((c) => c.route === FAKE_ROUTES.followUp && c.params.token === press.token, 'the shared post');
    expect(shared.body).toMatchObject({ content: expect.stringMatching(/^Shared by <@\d+>$/), allowed_mentions: { parse: [] } });
    expect(shared.body.embeds).toEqual(answer.body.embeds);
  });

  it('opens the editors\' form as the first response and takes its submission, over HTTP', async () => {
    const open = commandInteraction('strike-editor', 'update', {}, { actor: 'steward' });
    expect((await post(restOnly, open)).status).toBe(202);
    const [modal] = callbacksFor(open.id);
    expect(modal!.body.type).toBe(InteractionResponseType.Modal);
    // The form's memo is in the shared database, so its submission may reach the other replica.
    const submitted = modalSubmitInteraction(modal!.body.data.custom_id, meetingForm, { actor: 'steward' });
    expect((await post(holder, submitted)).status).toBe(202);
    const confirm = await answerOf(submitted, 'Confirm this change');
    expect(confirm.body.allowed_mentions).toEqual({ parse: [] });
    const ok = (JSON.stringify(confirm.body).match(/sw-ed:ok:[A-Za-z0-9]+/) ?? [])[0]!;
    // The change awaiting Confirm is still held in the submitting replica's memory (EditorDesk), so the click goes there.
    const click = buttonInteraction(ok, { actor: 'steward' });
    expect((await post(holder, click)).status).toBe(202);
    expect(callbacksFor(click.id).map((c) => c.body.type)).toEqual([InteractionResponseType.DeferredMessageUpdate]);
    await answerOf(click, 'Update #1 saved');
  });

  it('refuses a body over the cap with 413 and anything but POST with 405', async () => {
    const big = JSON.stringify({ ...slashInteraction('status'), padding: 'x'.repeat(MAX_INTERACTION_BODY_BYTES) });
    expect((await postInteraction(restOnly.url, big, signer.headers(big))).status).toBe(413);
    expect((await fetch(restOnly.url)).status).toBe(405);
  });
});
