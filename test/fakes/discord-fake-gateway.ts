/**
 * The gateway half of the fake Discord (plain JSON, no compression): HELLO on connect, READY then GUILD_CREATE
 * after IDENTIFY, RESUMED after RESUME, an ACK for every heartbeat, and dispatch() to push events.
 */
import type { Server } from 'node:http';
import { EventEmitter } from 'node:events';
import { WebSocket, WebSocketServer } from 'ws';
import { FAKE_IDS, guildCreatePayload, readyPayload } from './discord-fake-payloads.js';

/** The IDENTIFY a client sent: its token and the intents it asked for. */
export interface RecordedIdentify {
  token: string;
  intents: number;
  /** Other sessions still open and ready when this one identified: 0 unless two clients share the gateway at once. */
  othersOpen: number;
}

interface Session {
  socket: WebSocket;
  seq: number;
  ready: boolean;
  /** What IDENTIFY asked for; decides whether message text is delivered. */
  intents: number;
}

// GatewayIntentBits.MessageContent.
const MESSAGE_CONTENT = 1 << 15;

/**
 * A MESSAGE_CREATE as a session receives it: without the Message Content intent, Discord blanks the text of
 * server messages that do not mention the app (a mention of its role does not count), except the app's own.
 */
function asDelivered(t: string, d: any, intents: number): unknown {
  if (t !== 'MESSAGE_CREATE' || (intents & MESSAGE_CONTENT) !== 0 || !d?.guild_id) return d;
  const mentionsApp = (d.mentions ?? []).some((u: { id: string }) => u.id === FAKE_IDS.bot) || d.author?.id === FAKE_IDS.bot;
  return mentionsApp ? d : { ...d, content: '', embeds: [], attachments: [], components: [] };
}

const OP = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, hello: 10, heartbeatAck: 11 } as const;

/** WebSocket gateway of the fake Discord; see discord-fake.ts for the public surface. */
export class FakeDiscordGateway {
  readonly identifies: RecordedIdentify[] = [];
  readonly events = new EventEmitter();
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();

  /** When set, the gateway answers IDENTIFY by closing with this code (4004 bad token, 4014 disallowed intents). */
  refuseIdentifyWith: number | undefined;

  constructor(server: Server, path: string, private readonly resumeUrl: () => string, private readonly heartbeatInterval: number) {
    this.events.setMaxListeners(0);
    this.wss = new WebSocketServer({ server, path });
    this.wss.on('connection', (socket) => this.open(socket));
  }

  /** Number of sessions that completed IDENTIFY and got READY. */
  get readySessions(): number {
    return [...this.sessions].filter((s) => s.ready).length;
  }

  /** Ready sessions whose socket is open (not closing): the gateway sessions live right now. */
  get openSessions(): number {
    return [...this.sessions].filter((s) => s.ready && s.socket.readyState === WebSocket.OPEN).length;
  }

  /** Sends one dispatch (op 0) to every ready session, each with its own next sequence number. */
  dispatch(t: string, d: unknown): void {
    const ready = [...this.sessions].filter((s) => s.ready);
    if (ready.length === 0) throw new Error(`no client is connected to the fake gateway to receive ${t}`);
    for (const s of ready) this.send(s, { op: OP.dispatch, t, s: ++s.seq, d: asDelivered(t, d, s.intents) });
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private open(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, ready: false, intents: 0 };
    this.sessions.add(session);
    socket.on('close', () => {
      this.sessions.delete(session);
      this.events.emit('closed');
    });
    socket.on('message', (data) => this.receive(session, String(data)));
    this.send(session, { op: OP.hello, d: { heartbeat_interval: this.heartbeatInterval } });
  }

  private receive(session: Session, text: string): void {
    const payload = JSON.parse(text) as { op: number; d: any };
    if (payload.op === OP.heartbeat) {
      this.send(session, { op: OP.heartbeatAck });
    } else if (payload.op === OP.identify) {
      session.intents = Number(payload.d.intents);
      const othersOpen = [...this.sessions].filter((s) => s !== session && s.ready && s.socket.readyState === WebSocket.OPEN).length;
      this.identifies.push({ token: String(payload.d.token), intents: session.intents, othersOpen });
      this.events.emit('identify');
      if (this.refuseIdentifyWith !== undefined) {
        session.socket.close(this.refuseIdentifyWith, 'refused by the fake');
        return;
      }
      this.send(session, { op: OP.dispatch, t: 'READY', s: ++session.seq, d: readyPayload(this.resumeUrl()) });
      this.send(session, { op: OP.dispatch, t: 'GUILD_CREATE', s: ++session.seq, d: guildCreatePayload() });
      session.ready = true;
      this.events.emit('ready');
    } else if (payload.op === OP.resume) {
      session.seq = Number(payload.d.seq ?? 0);
      this.send(session, { op: OP.dispatch, t: 'RESUMED', s: ++session.seq, d: {} });
      session.ready = true;
    }
  }

  private send(session: Session, payload: object): void {
    session.socket.send(JSON.stringify(payload));
  }
}
