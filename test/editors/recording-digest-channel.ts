import type { Reply } from '../../src/core/reply/reply.js';
import type { DigestChannel, DigestTarget } from '../../src/scheduler/digest-channel.js';

/** A digest post or edit as the recording channel saw it. */
export interface RecordedDigest {
  channelId: string;
  messageIds: string[];
  digest: Reply;
}

/** A DigestChannel that keeps every post and edit in memory, for the corrections tests. */
export class RecordingDigestChannel implements DigestChannel {
  readonly posts: (RecordedDigest & { key: string })[] = [];
  readonly edits: RecordedDigest[] = [];
  private seq = 0;

  async post(target: DigestTarget, digest: Reply, key: string) {
    const messageIds = [`m${++this.seq}`];
    this.posts.push({ channelId: target.channelId, messageIds, digest, key });
    return { messageIds };
  }

  async findPosted(target: DigestTarget, key: string) {
    const found = this.posts.find((p) => p.channelId === target.channelId && p.key === key);
    return found ? { messageIds: found.messageIds } : undefined;
  }

  async edit(target: DigestTarget, messageIds: readonly string[], digest: Reply) {
    this.edits.push({ channelId: target.channelId, messageIds: [...messageIds], digest });
  }

  postsTo(channelId: string): RecordedDigest[] {
    return this.posts.filter((p) => p.channelId === channelId);
  }
}
