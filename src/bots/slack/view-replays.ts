import type { Clock } from '../../core/time/clock.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import { viewKey, type SubmittedView } from './interaction-keys.js';

/** What a repeat sees while the first delivery of the same submission is still being worked on. */
const IN_PROGRESS = { response_action: 'clear' } as const;

/** How a view handler answers a submission exactly once: the first delivery works, repeats get its answer. */
export interface ViewOnce {
  /** The stored answer for a repeat delivery, or undefined when this delivery is the first and must do the work. */
  repeatAnswer(): object | undefined;
  /** Records the first delivery's answer for repeats. */
  answered(response: object): void;
  /** Gives up the claim after a failure, so Slack's retry runs again. */
  failed(): void;
}

/** Claims a view submission on its Slack ids; without a claims store every delivery counts as the first. */
export function viewOnce(claims: InteractionClaims | undefined, view: SubmittedView, clock: Clock): ViewOnce {
  const key = viewKey(view);
  return {
    repeatAnswer() {
      if (!claims) return undefined;
      const claim = claims.claim('slack', key, clock());
      if (claim.first) return undefined;
      return claim.result ? (JSON.parse(claim.result) as object) : IN_PROGRESS;
    },
    answered: (response) => claims?.complete('slack', key, JSON.stringify(response)),
    failed: () => claims?.release('slack', key),
  };
}
