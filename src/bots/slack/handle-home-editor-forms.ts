import type { App, Logger, webApi } from '@slack/bolt';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { Reply } from '../../core/reply/reply.js';
import { storageReply } from '../../core/reply/storage-reply.js';
import { noteReply } from '../../core/updates/editor-replies.js';
import { storageTrouble } from '../../store/busy-retry.js';
import { editorOrigin, type Who } from './handle-editor-tools.js';
import { modalFor, openFormModal, type SlackFormDeps } from './handle-editor-forms.js';
import type { HomeSection } from './home-section.js';
import { renderBlockKit } from './render-block-kit.js';
import { HOME_FORM_ACTION, homeFormOf, renderHomeEditorSection } from './render-home-editor-section.js';
import { HomeButtonClickSchema } from './slack-payloads.js';

/** What the Home tab's editor section needs: the forms' editor check and desk, and the records this process merged. */
export interface HomeEditorDeps extends Pick<SlackFormDeps, 'ctx' | 'desk' | 'editorCheck' | 'admins'> {
  /** The stored updates and patches that count now, as of this process's last sync: counting them needs no query. */
  records?: { readonly acceptedRecords: readonly { unverified: boolean }[] };
}

/** The editors' section for a Home tab viewer: the form buttons for editors (EDITORS_SLACK), nothing for anyone else. */
export function homeEditorSection(deps: HomeEditorDeps): HomeSection {
  return async (viewer) => {
    if (!(await deps.editorCheck.forUser(viewer)())) return [];
    const unverified = deps.records?.acceptedRecords.filter((r) => r.unverified).length;
    return renderHomeEditorSection(unverified === undefined ? {} : { unverified });
  };
}

/**
 * A Home tab click has no response_url and no channel: the app's direct message with the user (the Messages tab)
 * is the private place to answer it.
 */
async function tellPrivately(client: webApi.WebClient, userId: string, reply: Reply, logger: Logger): Promise<void> {
  const message = renderBlockKit(reply);
  await client.chat.postMessage({ channel: userId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false }).catch((err: Error) => logger.error(`Could not deliver an editor answer: ${err.message}`));
}

/** The editor check and its attempt log; a locked or read-only database is said as such, and nothing opens. */
async function refusalFor(deps: HomeEditorDeps, ctx: CommandContext, who: Who, action: string): Promise<Reply | undefined> {
  try {
    return await deps.desk.authorize(ctx, editorOrigin(deps, who), action);
  } catch (err) {
    const trouble = storageTrouble(err);
    if (!trouble) throw err;
    return storageReply(ctx, trouble);
  }
}

/**
 * The Home tab's form buttons: the click is acknowledged at once, then the editor check runs (a forged click from
 * anyone else is refused privately and opens nothing), then the same modal as the /strike subcommand opens with the
 * click's trigger_id, whose three seconds started with the click. The modal's submission is handled by
 * registerEditorForms, exactly as when it was opened from /strike.
 */
export function registerHomeEditorForms(app: App, deps: HomeEditorDeps): void {
  const { ctx } = deps;
  app.action(HOME_FORM_ACTION, async ({ ack, body, client, logger }) => {
    await ack();
    const click = HomeButtonClickSchema.safeParse(body);
    if (!click.success) return logger.warn('Ignoring a Home tab form click without a user or trigger_id');
    const userId = click.data.user.id;
    const form = homeFormOf(click.data.actions[0]!.action_id);
    const tell = (reply: Reply) => tellPrivately(client, userId, reply, logger);
    const refusal = await refusalFor(deps, ctx, { client, userId, logger }, `form ${form ?? 'unknown'}`);
    if (refusal) return tell(refusal);
    if (!form) return tell(noteReply(ctx, 'Which form?', 'That button does not open a form any more. Open the Home tab again to get the current buttons.'));
    await openFormModal(client, click.data.trigger_id, modalFor(ctx, form, {}), tell, ctx, logger);
  });
}
