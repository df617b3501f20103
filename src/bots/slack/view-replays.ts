import type { Clock } from '../../core/time/clock.js';
import type { Retrying } from '../../store/busy-retry.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import { viewKey, type SubmittedView } from './interaction-keys.js';

/** What a repeat sees while the first delivery of the same submission is still being worked on. */
const IN_PROGRESS = { response_action: 'clear' } as const;

/** How a view handler answers a submission exactly once: the first delivery works, repeats get its answer. */
export interface ViewOnce {
  /** The stored answer for a repeat delivery, or undefined when this delivery is the first and must do the work. */
  repeatAnswer(): Promise<object | undefined>;
  /** Records the first delivery's answer for repeats. */
  answered(response: object): Promise<void>;
  /** Gives up the claim after a failure, so Slack's retry runs again. */
  failed(): Promise<void>;
}

/** Claims a view submission on its Slack ids; without a claims store every delivery counts as the first. */
export function viewOnce(claims: Retrying<InteractionClaims> | undefined, view: SubmittedView, clock: Clock): ViewOnce {
  const key = viewKey(view);
  return {
    async repeatAnswer() {
      if (!claims) return undefined;
      const claim = await claims.claim('slack', key, clock());
      if (claim.first) return undefined;
      return claim.result ? (JSON.parse(claim.result) as object) : IN_PROGRESS;
    },
    answered: async (response) => claims?.complete('slack', key, JSON.stringify(response)),
    failed: async () => claims?.release('slack', key),
  };
}
