/** Platforms that can hold a digest subscription (the shell cannot). */
export type DigestPlatform = 'slack' | 'discord';

/** A channel's daily digest subscription. */
export interface DigestSubscription {
  id: number;
  platform: DigestPlatform;
  /** Slack workspace (team) or Discord guild id, when the adapter knows it. */
  workspaceId?: string;
  channelId: string;
  /** HH:MM, 24-hour, in `timeZone`. */
  localTime: string;
  timeZone: string;
  createdBy: string;
  createdAt: Date;
  /** Digests due before this instant are not owed (set on subscribing and on every change). */
  activeSince: Date;
  /** Set when delivery stopped because the channel is gone or the bot lost access. */
  pausedReason?: string;
}

/** What happened to one day's digest for one subscription. */
export type DeliveryStatus = 'claimed' | 'confirmed' | 'skipped' | 'failed';

/** One day's digest for one subscription, as recorded. */
export interface DeliveryRecord {
  subscriptionId: number;
  localDate: string;
  dueAt: Date;
  status: DeliveryStatus;
  late: boolean;
  attempts: number;
  messageIds: string[];
  postedAt?: Date;
  error?: string;
}

/** The fields a subscribe command sets. */
export interface SubscriptionInput {
  platform: DigestPlatform;
  channelId: string;
  workspaceId?: string;
  localTime: string;
  timeZone: string;
  createdBy: string;
}

/** What the digest command may change or read; the store and scheduler implement it outside the core. */
export interface DigestSubscriptionsPort {
  find(platform: DigestPlatform, channelId: string): Promise<DigestSubscription | undefined>;
  /** Creates or updates the channel's subscription and lifts any pause. */
  subscribe(input: SubscriptionInput): Promise<{ subscription: DigestSubscription; previous?: DigestSubscription }>;
  /** True when there was a subscription to remove. */
  unsubscribe(platform: DigestPlatform, channelId: string): Promise<boolean>;
  lastDelivery(subscriptionId: number): Promise<DeliveryRecord | undefined>;
  /** When the subscription's latest posted digest went out, the start of the next digest's window. */
  previousDigestAt(subscriptionId: number): Promise<Date | undefined>;
  /** The next instant a digest is due for this subscription. */
  nextRun(subscription: DigestSubscription): Promise<Date>;
}
