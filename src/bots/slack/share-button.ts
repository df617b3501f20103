import type { types } from '@slack/bolt';
import { cleanInput, MAX_ARGUMENT_CHARS } from '../../core/commands/registry.js';

/** action_id of the "Share in channel" button. */
export const SHARE_ACTION_ID = 'strikewire_share';

/**
 * Longest command text the button carries. The core reads at most MAX_ARGUMENT_CHARS of an argument, so a
 * little more than that (room for the command word) re-runs to the same answer; the button stays small.
 */
export const MAX_SHARE_VALUE = MAX_ARGUMENT_CHARS + 40;

/** The text the button re-runs: what the user typed, cleaned and capped ("help" for an empty /strike). */
export function shareValue(commandText: string): string {
  return cleanInput(commandText).slice(0, MAX_SHARE_VALUE) || 'help';
}

/** An actions block with the "Share in channel" button for this command text. */
export function shareActions(commandText: string): types.ActionsBlock {
  return {
    type: 'actions',
    elements: [
      {
        type: 'button',
        action_id: SHARE_ACTION_ID,
        text: { type: 'plain_text', text: 'Share in channel', emoji: true },
        value: shareValue(commandText),
      },
    ],
  };
}
