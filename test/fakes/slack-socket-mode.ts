import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FakeSlackWebApi } from './slack-web-api.js';
import { waitForEvent } from './wait-for-event.js';

/**
 * A local WebSocket server that plays Slack's Socket Mode (platform-facts.md §2). It registers itself with the
 * fake Web API, so apps.connections.open hands out its ws:// URL; every connection gets a hello at once.
 *
 *   const socket = await startFakeSocketMode(fakeApi);
 *   await app.start();                                       // resolves after the hello
 *   socket.send({ envelope_id: 'e1', type: 'slash_commands', payload: {...} });
 *   const ack = await socket.waitForAck('e1');              // { envelope_id: 'e1', payload: {...} }
 *   socket.disconnect('refresh_requested');                  // the client should reconnect
 *   await socket.waitForConnection(2);
 */

/** A message a client sent us, with the number of the connection it came on (1-based). */
export interface SocketMessage {
  connection: number;
  data: Record<string, unknown>;
}

/** The running fake. */
export interface FakeSocketMode {
  readonly url: string;
  /** How many connections have been opened so far. */
  readonly connectionCount: number;
  readonly received: SocketMessage[];
  /** Sends an envelope (or any JSON) on the newest open connection. */
  send(message: Record<string, unknown>): void;
  /** Asks the client to reconnect, as Slack does when it recycles a connection. */
  disconnect(reason?: string): void;
  waitForConnection(n: number, timeoutMs?: number): Promise<void>;
  /** The client's acknowledgement of an envelope. */
  waitForAck(envelopeId: string, timeoutMs?: number): Promise<SocketMessage>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(api: FakeSlackWebApi): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  api.setSocketUrl(url);
  const sockets: WebSocket[] = [];
  const received: SocketMessage[] = [];
  const events = new EventEmitter();
  events.setMaxListeners(0);

  server.on('connection', (socket) => {
    sockets.push(socket);
    const connection = sockets.length;
    socket.on('message', (raw) => {
      received.push({ connection, data: JSON.parse(raw.toString()) as Record<string, unknown> });
      events.emit('change');
    });
    socket.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0STRIKE' }, debug_info: { host: 'fake' } }));
    events.emit('change');
  });

  const waitFor = <T>(what: string, find: () => T | undefined, timeoutMs = 10_000) =>
    waitForEvent(events, 'change', find, {
      what,
      timeoutMs,
      describe: () => `connections: ${sockets.length}, messages: ${JSON.stringify(received).slice(0, 300)}`,
    });

  const newest = () => {
    const open = sockets.filter((s) => s.readyState === s.OPEN).at(-1);
    if (!open) throw new Error('no open Socket Mode connection');
    return open;
  };

  return {
    url,
    get connectionCount() {
      return sockets.length;
    },
    received,
    send: (message) => newest().send(JSON.stringify(message)),
    disconnect: (reason = 'refresh_requested') => newest().send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake' } })),
    waitForConnection: (n, timeoutMs) => waitFor(`connection ${n}`, () => (sockets.length >= n ? true : undefined), timeoutMs).then(() => undefined),
    waitForAck: (envelopeId, timeoutMs) => waitFor(`the ack of envelope ${envelopeId}`, () => received.find((m) => m.data.envelope_id === envelopeId), timeoutMs),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const s of sockets) s.terminate();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
