import type { App } from '@slack/bolt';
import { valuesFromDrafts } from '../../core/forms/draft-values.js';
import { extractDrafts } from '../../core/ingest/extract-drafts.js';
import type { Reply } from '../../core/reply/reply.js';
import { noteReply } from '../../core/updates/editor-replies.js';
import { editorOrigin, type Who } from './handle-editor-tools.js';
import { modalFor, openFormModal, respondPrivately, type SlackFormDeps } from './handle-editor-forms.js';
import { fitEvidence } from './form-modal-view.js';
import { readSlashText } from './incoming-text.js';

/** callback_id of the message shortcut, as the app manifest declares it. */
export const DRAFT_SHORTCUT_ID = 'draft_update_from_message';
/** Longest message text the article reader is run on; the rest is left out (the reader is linear, the form small). */
export const MAX_DRAFT_SOURCE_CHARS = 20_000;

/**
 * "Draft update from this message": runs the article reader on the message's text (a pasted article, a wire
 * alert) and opens the update form prefilled, with the article's sentences shown to the editor alone as evidence.
 * Editors only: anyone else gets a private refusal through the shortcut's response_url, and nothing is posted.
 */
export function registerDraftShortcut(app: App, deps: SlackFormDeps): void {
  const { ctx, desk } = deps;
  app.shortcut({ callback_id: DRAFT_SHORTCUT_ID, type: 'message_action' }, async ({ ack, shortcut, client, logger, respond, context }) => {
    await ack();
    const who: Who = { client, userId: shortcut.user.id, channelId: shortcut.channel.id, teamId: context.teamId, logger };
    const reply = (r: Reply) => respondPrivately(respond, r, logger);
    const refusal = await desk.authorize(ctx, editorOrigin(deps, who), 'form draft from message');
    if (refusal) return reply(refusal);
    const text = readSlashText(String(shortcut.message.text ?? '')).slice(0, MAX_DRAFT_SOURCE_CHARS);
    if (!text.trim()) return reply(noteReply(ctx, 'Nothing to draft from', 'That message has no text. Paste the article into a message and try again, or run /strike update.'));
    const findings = extractDrafts(text, ctx, { now: ctx.clock() });
    const { values, evidence } = valuesFromDrafts(findings);
    const notice = evidence.length > 0 ? `Only you see this. From the message: ${evidence.map((s) => `“${s}”`).join(' ')} Write “What happened” in your own words.` : 'Nothing in the message matched the knowledge; fill in the update yourself.';
    await openFormModal(client, shortcut.trigger_id, modalFor(ctx, 'update', { channelId: shortcut.channel.id, evidence: fitEvidence(evidence) }, values, notice), reply, ctx, logger);
  });
}
