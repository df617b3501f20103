import type { types } from '@slack/bolt';
import type { Reply } from '../../core/reply/reply.js';
import { renderBlockKit } from './render-block-kit.js';
import { MAX_BLOCK_TEXT_PER_MESSAGE, MAX_BLOCKS_PER_HOME_VIEW } from './slack-limits.js';

const GUIDE = 'Type `/strike help` in any channel for every command, or write to me here with a question.';

/**
 * The App Home tab: an optional section first (the editors' buttons), then the dispute's status and every
 * proposal, each rendered like a reply, within the view's limits.
 */
export function renderHomeView(status: Reply, proposals: Reply, section: readonly types.KnownBlock[] = []): types.HomeView {
  // The section, two replies, a divider and the guide line share the view's 100 blocks.
  const half = Math.floor((MAX_BLOCKS_PER_HOME_VIEW - 2 - section.length) / 2);
  const options = { maxBlocks: half, maxBlockText: MAX_BLOCK_TEXT_PER_MESSAGE };
  return {
    type: 'home',
    blocks: [
      ...section,
      ...renderBlockKit(status, options).blocks,
      { type: 'divider' },
      ...renderBlockKit(proposals, options).blocks,
      { type: 'context', elements: [{ type: 'mrkdwn', text: GUIDE }] },
    ],
  };
}
