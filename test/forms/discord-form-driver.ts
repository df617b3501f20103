import { expect } from 'vitest';
import { FAKE_ROUTES, type FakeDiscord, type RecordedCall } from '../fakes/discord-fake.js';
import { fillModal, readModalCallback, type FakeModal } from '../fakes/discord-fake-modals.js';
import { buttonInteraction, type FakeActor } from '../fakes/discord-fake-payloads.js';

/** What the driver needs of a test world: the fake Discord. */
export interface World {
  fake: FakeDiscord;
}

/** An interaction as the fake sends it. */
export type Interaction = { id: string; token: string };
/** Dispatches an interaction through the fake gateway. */
export const send = <T extends Interaction>(w: World, interaction: T): T => {
  w.fake.dispatch('INTERACTION_CREATE', interaction);
  return interaction;
};
/** The interaction callback the bot sent for it. */
export const callback = (w: World, i: Interaction) => w.fake.waitForCall((c) => c.route === FAKE_ROUTES.callback && c.params.id === i.id, `the callback for ${i.id}`);
/** The edit of the original response that contains a text. */
export const answerOf = (w: World, i: Interaction, contains: string) =>
  w.fake.waitForCall((c) => c.route === FAKE_ROUTES.editOriginal && c.params.token === i.token && JSON.stringify(c.body).includes(contains), `an answer to ${i.id} containing “${contains}”`);
/** The forms custom ids of one action in a message. */
export const buttons = (call: RecordedCall, action: string) => JSON.stringify(call.body).match(new RegExp(`sw-fm:${action}:[A-Za-z0-9]+:\\d+`, 'g')) ?? [];

/** The modal the bot showed, checked against the limits. */
export async function modalFrom(w: World, i: Interaction): Promise<FakeModal> {
  return readModalCallback((await callback(w, i)).body as never);
}

/** Fills every page of a form in turn through the Continue buttons; returns the last page's submission. */
export async function fillForm(w: World, first: FakeModal, values: Record<string, string | string[]>, actor: FakeActor = 'steward') {
  let modal = first;
  for (;;) {
    const submitted = send(w, fillModal(modal, values, { actor }));
    const page = /\((\d+) of (\d+)\)/.exec(modal.title);
    if (!page || page[1] === page[2]) return submitted;
    const kept = await answerOf(w, submitted, 'kept');
    const [next] = buttons(kept, 'open');
    modal = await modalFrom(w, send(w, buttonInteraction(next!, { actor })));
  }
}

