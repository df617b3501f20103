import type { APIInteraction, Client } from 'discord.js';
import type { CallbackWatch } from './callback-watch.js';

/** What an HTTP delivery came to: answered by this replica, or a repeat of an id some replica already took. */
export type ReceiveOutcome = 'answered' | 'repeat';

/** discord.js's gateway handler for INTERACTION_CREATE; private in its typings, stable across v14. */
interface InteractionCreateAction {
  handle(data: APIInteraction): void;
}

/** What a receiver needs from the bot. */
export interface InteractionReceiverParts {
  client: Client;
  /** The handler run the client started for each interaction id, until it settles. */
  running: ReadonlyMap<string, Promise<void>>;
  callbacks: CallbackWatch;
  /** True the first time any replica sees this HTTP delivery (a claim in the database). */
  firstDelivery: (interactionId: string) => Promise<boolean>;
}

/**
 * Hands a verified interaction from the HTTP endpoint to the client exactly as its gateway handler does
 * (`client.actions.InteractionCreate.handle`, in discord.js's ws/handlers/INTERACTION_CREATE.js): the same
 * Interaction class is built and Events.InteractionCreate reaches the same handlers. Needs no gateway session:
 * responses use the interaction's token, and the REST token is set when the bot is built.
 * Resolves once the first response has reached Discord, or when the handler finished without one.
 */
export function createInteractionReceiver(parts: InteractionReceiverParts): (data: APIInteraction) => Promise<ReceiveOutcome> {
  const action = (parts.client as unknown as { actions: { InteractionCreate: InteractionCreateAction } }).actions.InteractionCreate;
  return async (data) => {
    if (!(await parts.firstDelivery(data.id))) return 'repeat';
    const callback = parts.callbacks.expect(data.id);
    try {
      // Synchronous: the listener has started the handler (and registered its run) when this returns.
      action.handle(data);
      const run = parts.running.get(data.id);
      // No run: discord.js ignores the interaction type (as it would on the gateway).
      if (run) await Promise.race([callback.sent, run]);
      return 'answered';
    } finally {
      callback.forget();
    }
  };
}
