/**
 * Waits one turn of the event loop after an ack, so requests that have already arrived are read and acknowledged
 * before this one's answer is worked out: an ack has Slack's 3-second deadline, an answer has 30 minutes.
 */
export function afterAck(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
