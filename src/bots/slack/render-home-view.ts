import type { types } from '@slack/bolt';
import type { Reply } from '../../core/reply/reply.js';
import { renderBlockKit } from './render-block-kit.js';
import { MAX_BLOCK_TEXT_PER_MESSAGE, MAX_BLOCKS_PER_HOME_VIEW } from './slack-limits.js';

const GUIDE = 'Type `/strike help` in any channel for every command, or write to me here with a question.';

/** The App Home tab: the dispute's status, then every proposal, each rendered like a reply, within the view's limits. */
export function renderHomeView(status: Reply, proposals: Reply): types.HomeView {
  // Two replies, a divider and the guide line share the view's 100 blocks.
  const half = Math.floor((MAX_BLOCKS_PER_HOME_VIEW - 2) / 2);
  const options = { maxBlocks: half, maxBlockText: MAX_BLOCK_TEXT_PER_MESSAGE };
  return {
    type: 'home',
    blocks: [
      ...renderBlockKit(status, options).blocks,
      { type: 'divider' },
      ...renderBlockKit(proposals, options).blocks,
      { type: 'context', elements: [{ type: 'mrkdwn', text: GUIDE }] },
    ],
  };
}
