/**
 * Messages the fake Discord holds per channel: what the bot posted (directly or through interaction webhooks),
 * so edits, listings and enforced nonces behave like Discord's.
 */
import { FAKE_IDS, fakeMessage, userObject, type FakeActor } from './discord-fake-payloads.js';

type StoredMessage = Omit<ReturnType<typeof fakeMessage>, 'edited_timestamp'> & { edited_timestamp: string | null; nonce?: string | number };

/** What a create or edit request body may carry. */
export interface MessageBody {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  message_reference?: unknown;
  nonce?: string | number;
  enforce_nonce?: boolean;
}

/** Channels the fake knows; anything else is "Unknown Channel". */
export const KNOWN_CHANNELS: Record<string, { type: number; guild_id?: string }> = {
  [FAKE_IDS.channel]: { type: 0, guild_id: FAKE_IDS.guild },
  [FAKE_IDS.thread]: { type: 11, guild_id: FAKE_IDS.guild },
  [FAKE_IDS.dmChannel]: { type: 1 },
};

/** Per-channel message store of the fake. */
export class FakeMessageStore {
  private readonly byChannel = new Map<string, StoredMessage[]>();

  /**
   * Creates a message. With enforce_nonce, a second create with the same nonce in the same channel returns the
   * first message instead of posting again, as Discord does within its nonce window.
   */
  create(channelId: string, body: MessageBody, options: { webhook?: boolean; author?: FakeActor } = {}): StoredMessage {
    const list = this.list(channelId);
    if (body.enforce_nonce && body.nonce !== undefined) {
      const earlier = list.find((m) => m.nonce === body.nonce);
      if (earlier) return earlier;
    }
    const message: StoredMessage = {
      ...fakeMessage({
        channelId, author: userObject(options.author ?? 'bot'), content: body.content ?? '', flags: body.flags ?? 0, embeds: body.embeds ?? [],
        components: body.components ?? [], reference: body.message_reference, ...(options.webhook ? { webhookId: FAKE_IDS.application } : {}),
      }),
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
    };
    list.push(message);
    return message;
  }

  /** Applies an edit; undefined when the message does not exist. */
  edit(channelId: string, messageId: string, body: MessageBody): StoredMessage | 'empty' | undefined {
    const message = this.list(channelId).find((m) => m.id === messageId);
    if (!message) return undefined;
    // Discord refuses to leave a message with nothing in it.
    if ((body.content ?? message.content) === '' && (body.embeds ?? message.embeds).length === 0) return 'empty';
    if (body.content !== undefined) message.content = body.content;
    if (body.embeds !== undefined) message.embeds = body.embeds;
    if (body.components !== undefined) message.components = body.components;
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  /** Deletes a message; false when it does not exist. */
  remove(channelId: string, messageId: string): boolean {
    const list = this.list(channelId);
    const at = list.findIndex((m) => m.id === messageId);
    if (at >= 0) list.splice(at, 1);
    return at >= 0;
  }

  /**
   * GET /channels/:id/messages: newest first, `after`/`before` by id, `limit` 1-100 (default 50). Listed
   * messages carry no nonce: Discord does not promise one outside the create response.
   */
  page(channelId: string, query: Record<string, string>): Omit<StoredMessage, 'nonce'>[] {
    const after = query.after ? BigInt(query.after) : undefined;
    const before = query.before ? BigInt(query.before) : undefined;
    const limit = Math.min(100, Math.max(1, Number(query.limit ?? 50)));
    return this.list(channelId)
      .filter((m) => (after === undefined || BigInt(m.id) > after) && (before === undefined || BigInt(m.id) < before))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .slice(0, limit)
      .map(({ nonce: _nonce, ...rest }) => rest);
  }

  private list(channelId: string): StoredMessage[] {
    let list = this.byChannel.get(channelId);
    if (!list) this.byChannel.set(channelId, (list = []));
    return list;
  }
}
