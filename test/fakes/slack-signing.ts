import { createHmac } from 'node:crypto';

/**
 * Signs requests exactly as Slack does and posts them to a Bolt receiver.
 *
 *   const slack = new SlackRequestDriver(`http://127.0.0.1:${port}/slack/events`, signingSecret);
 *   await slack.command(slashCommand({ text: 'status', responseUrl }));   // form body, exact content type
 *   await slack.event(eventCallback(appMention({ text: '<@U0BOT> hi' }))); // JSON body
 *   await slack.interaction(shareClick({ value: 'status' }));             // form body with payload=<json>
 *
 * Signature: "v0=" + hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + raw body)); platform-facts.md §1.
 */

/** Bolt compares this with ===, so it must be sent exactly, without "; charset=…". */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const JSON_CONTENT_TYPE = 'application/json';

/** The X-Slack-Signature value for a body sent at timestampSec. */
export function slackSignature(signingSecret: string, timestampSec: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex')}`;
}

/** Per-request tweaks: an old timestamp, a wrong signature, extra headers such as X-Slack-Retry-Num. */
export interface SignOptions {
  timestampSec?: number;
  /** Sign with this secret instead of the driver's (a forged request). */
  secret?: string;
  headers?: Record<string, string>;
}

/** Form-encodes fields the way Slack does (spaces as +, like URLSearchParams). */
export function formEncode(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Posts signed requests to one Slack endpoint. */
export class SlackRequestDriver {
  constructor(
    readonly url: string,
    private readonly signingSecret: string,
  ) {}

  /** Posts a raw body with the given content type, signed. */
  async post(rawBody: string, contentType: string, options: SignOptions = {}): Promise<Response> {
    const timestampSec = options.timestampSec ?? Math.floor(Date.now() / 1000);
    return fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestampSec),
        'x-slack-signature': slackSignature(options.secret ?? this.signingSecret, timestampSec, rawBody),
        ...options.headers,
      },
      body: rawBody,
    });
  }

  /** A slash command (form fields). */
  command(fields: Record<string, string>, options?: SignOptions): Promise<Response> {
    return this.post(formEncode(fields), FORM_CONTENT_TYPE, options);
  }

  /** An Events API delivery (JSON). */
  event(body: object, options?: SignOptions): Promise<Response> {
    return this.post(JSON.stringify(body), JSON_CONTENT_TYPE, options);
  }

  /** A button click or other interaction (form field `payload` holding JSON). */
  interaction(payload: object, options?: SignOptions): Promise<Response> {
    return this.post(formEncode({ payload: JSON.stringify(payload) }), FORM_CONTENT_TYPE, options);
  }
}
