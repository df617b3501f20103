import type { Reply } from '../../src/core/reply/reply.js';
import { DigestChannelError, type DigestChannel, type DigestTarget } from '../../src/scheduler/digest-channel.js';
import type { Clock } from '../../src/core/time/clock.js';

/** A digest as the in-memory channel received it. */
export interface MemoryPost {
  channelId: string;
  key: string;
  digest: Reply;
  /** The injected clock when it was posted. */
  at: Date;
  id: string;
}

/**
 * A DigestChannel that keeps posts in memory, for scheduler tests: failures can be scripted per channel, and
 * findPosted searches the posts by key the way the platform look-ups do.
 */
export class MemoryDigestChannel implements DigestChannel {
  readonly posts: MemoryPost[] = [];
  readonly attempts: string[] = [];
  private readonly scripted = new Map<string, DigestChannelError[]>();
  private seq = 0;

  constructor(private readonly clock: Clock) {}

  /** The next posts to this channel fail with these errors, in order. */
  failNext(channelId: string, ...errors: DigestChannelError[]): void {
    this.scripted.set(channelId, [...(this.scripted.get(channelId) ?? []), ...errors]);
  }

  postsTo(channelId: string): MemoryPost[] {
    return this.posts.filter((p) => p.channelId === channelId);
  }

  async post(target: DigestTarget, digest: Reply, key: string) {
    this.attempts.push(target.channelId);
    const failure = this.scripted.get(target.channelId)?.shift();
    if (failure) throw failure;
    const id = `m${++this.seq}`;
    this.posts.push({ channelId: target.channelId, key, digest, at: this.clock(), id });
    return { messageIds: [id] };
  }

  async findPosted(target: DigestTarget, key: string) {
    const found = this.posts.find((p) => p.channelId === target.channelId && p.key === key);
    return found ? { messageIds: [found.id] } : undefined;
  }

  async edit() {}
}
