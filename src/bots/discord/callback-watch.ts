import { DefaultRestOptions, type RESTOptions } from 'discord.js';

type MakeRequest = RESTOptions['makeRequest'];

/** The interaction id in an interaction callback URL (…/interactions/{id}/{token}/callback?…). */
const CALLBACK_URL = /\/interactions\/(\d+)\/[^/?]+\/callback(?:\?|$)/;

/** One HTTP delivery waiting for its first response to go out. */
export interface AwaitedCallback {
  /** Resolves once Discord has answered the interaction's callback request, whatever the status. */
  sent: Promise<void>;
  forget(): void;
}

/**
 * Sees every interaction callback discord.js sends (interaction.reply, deferReply, deferUpdate, update, respond,
 * showModal all POST /interactions/{id}/{token}/callback), so that the HTTP endpoint knows when the first response
 * for an interaction it received has reached Discord. It wraps REST's injectable makeRequest rather than the
 * interaction's methods, so the handlers and discord.js's own bookkeeping (replied, deferred) stay untouched.
 */
export class CallbackWatch {
  private readonly waiting = new Map<string, () => void>();

  /** REST's makeRequest (discord.js's default when none is given), reporting each finished callback request. */
  wrap(inner: MakeRequest = DefaultRestOptions.makeRequest as MakeRequest): MakeRequest {
    return async (url, init) => {
      try {
        return await inner(url, init);
      } finally {
        const id = CALLBACK_URL.exec(url)?.[1];
        if (id) this.waiting.get(id)?.();
      }
    };
  }

  /** Starts waiting for the callback of interaction `id`; call before the handler can send it. */
  expect(id: string): AwaitedCallback {
    let resolve!: () => void;
    const sent = new Promise<void>((r) => (resolve = r));
    this.waiting.set(id, resolve);
    return { sent, forget: () => void this.waiting.delete(id) };
  }
}
