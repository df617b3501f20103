import { z } from 'zod';

// The few fields of Slack payloads the handlers read, validated at the edge; anything else passes through untouched.

/** A message or app_mention event, as far as answering it needs. */
export const MessageEventSchema = z.object({
  type: z.enum(['message', 'app_mention']),
  channel: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  user: z.string().optional(),
  text: z.string().optional(),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  channel_type: z.string().optional(),
});
/** A message or app_mention event. */
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** app_home_opened: who opened which tab. */
export const HomeOpenedEventSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

/** A click on one of our buttons (block_actions). */
export const ButtonClickSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  channel: z.object({ id: z.string().min(1) }).optional(),
  container: z.object({ channel_id: z.string().optional(), message_ts: z.string().optional() }).optional(),
  actions: z.array(z.object({ action_id: z.string(), value: z.string().optional(), action_ts: z.string().optional() })).min(1),
});
/** A block_actions body from a button. */
export type ButtonClick = z.infer<typeof ButtonClickSchema>;

/** A click on a button in the Home tab: no channel and no response_url, but a trigger_id to open a modal with. */
export const HomeButtonClickSchema = z.object({
  user: z.object({ id: z.string().min(1) }),
  trigger_id: z.string().min(1),
  actions: z.array(z.object({ action_id: z.string() })).min(1),
});

/** The wrapper of every Events API delivery; event_id is what Slack keeps across retries. */
export const EventCallbackSchema = z.object({
  type: z.literal('event_callback'),
  event_id: z.string().min(1),
});

/** Slack user ids look like U024BE7LH or W012A3CDE (Enterprise Grid). */
export const SLACK_USER_ID = /^[UW][A-Z0-9]{2,20}$/;
