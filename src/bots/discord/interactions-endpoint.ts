import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { InteractionResponseType, InteractionType, type APIInteraction } from 'discord.js';
import { z } from 'zod';
import { describeError, type DiscordLogger } from './discord-logger.js';
import { checkInteractionSignature } from './interaction-signature.js';
import type { ReceiveOutcome } from './receive-interaction.js';

/** Where Discord POSTs interactions: the Interactions Endpoint URL in the Developer Portal ends with this path. */
export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

/**
 * Interaction payloads are a few kilobytes; the largest (a button under a full answer, a filled-in form) stay well
 * under this. Anything larger is refused before it is buffered, as on the Slack port.
 */
export const MAX_INTERACTION_BODY_BYTES = 64 * 1024;

/** Discord waits 3 seconds for the first response; past this the request is answered whatever the handler does. */
const ANSWER_WITHIN_MS = 2_800;

/** The fields the endpoint reads; the rest of the payload is discord.js's to read, as on the gateway. */
const InteractionEnvelope = z.looseObject({
  id: z.string().regex(/^\d{1,21}$/),
  type: z.number().int(),
  token: z.string().min(1),
  application_id: z.string().regex(/^\d{1,21}$/),
});

/** What the endpoint needs. */
export interface InteractionsEndpointOptions {
  /** DISCORD_PUBLIC_KEY as a key (interactionPublicKey). */
  publicKey: KeyObject;
  /** The bot's receive(): runs the interaction through the gateway's handlers. */
  receive: (interaction: APIInteraction) => Promise<ReceiveOutcome>;
  logger: DiscordLogger;
  /** Milliseconds since the epoch, for the timestamp window; the real clock by default (Discord signs with it). */
  nowMs?: () => number;
  maxBodyBytes?: number;
}

/**
 * POST /discord/interactions. Refuses a missing or bad Ed25519 signature, or a timestamp more than five minutes off,
 * with 401 before anything runs; answers PING with PONG; hands everything else to the bot.
 *
 * How the interaction is answered: the handlers respond exactly as on the gateway, through discord.js, which POSTs
 * the first response to /interactions/{id}/{token}/callback and follow-ups to the webhook routes. Discord accepts
 * that for HTTP-delivered interactions too, provided the HTTP request is then answered "with a 202 and no body"
 * (developers/interactions/receiving-and-responding, Interaction Callback). So the endpoint waits for that
 * callback to reach Discord and answers 202. Answering inline in the HTTP body instead would hide Discord's
 * verdict on the response (a 400 for a bad embed) from the handler, which could then neither log nor apologize.
 */
export function createInteractionsEndpoint(options: InteractionsEndpointOptions): RequestListener {
  return (req, res) => {
    serve(options, req, res).catch((err: unknown) => {
      options.logger.error(`Discord interaction request failed: ${describeError(err)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  };
}

async function serve(o: InteractionsEndpointOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'application/json' }).end('{"error":"method not allowed"}');
    return;
  }
  const cap = o.maxBodyBytes ?? MAX_INTERACTION_BODY_BYTES;
  const declared = req.headers['content-length'];
  if (declared !== undefined && !(Number(declared) <= cap)) return refuse(req, res, 413);
  const body = await readCapped(req, cap);
  if (!body) return refuse(req, res, 413);
  const problem = checkInteractionSignature(o.publicKey, { signature: header(req, 'x-signature-ed25519'), timestamp: header(req, 'x-signature-timestamp') }, body, (o.nowMs ?? Date.now)());
  if (problem) {
    // Discord itself sends bad signatures now and then to check that they are refused: not an error.
    o.logger.info(`refused a Discord interaction request: ${problem}`);
    sendJson(res, 401, { error: 'invalid request signature' });
    return;
  }
  const envelope = InteractionEnvelope.safeParse(parseJson(body));
  if (!envelope.success) {
    sendJson(res, 400, { error: 'not an interaction' });
    return;
  }
  if (envelope.data.type === InteractionType.Ping) {
    sendJson(res, 200, { type: InteractionResponseType.Pong });
    return;
  }
  // Signed by Discord, so the rest of the payload has the gateway's shape; discord.js reads it from here.
  const interaction = envelope.data as unknown as APIInteraction;
  const outcome = await withinDeadline(o.receive(interaction), () => o.logger.warn(`interaction ${interaction.id}: no response within ${ANSWER_WITHIN_MS} ms; answered the request anyway`));
  if (outcome === 'repeat') o.logger.debug(`interaction ${interaction.id} was delivered again; already handled`);
  res.writeHead(202, { 'content-length': '0' }).end();
}

/** Waits for `work`, or gives up waiting (not the work) at the deadline, so Discord's request is always answered. */
async function withinDeadline<T>(work: Promise<T>, onLate: () => void): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ANSWER_WITHIN_MS)));
  try {
    const first = await Promise.race([work, late]);
    if (first === 'late') onLate();
    return first;
  } finally {
    clearTimeout(timer);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** The whole body, or undefined as soon as it grows past `cap` (the rest is never read). */
function readCapped(req: IncomingMessage, cap: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Answers with no body and drops the connection, so a refused upload is never read to its end. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  res.writeHead(status, { connection: 'close', 'content-length': '0' });
  res.end(() => req.socket.destroy());
}
