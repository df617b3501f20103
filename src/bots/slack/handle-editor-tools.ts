import type { AllMiddlewareArgs, App, Logger, RespondFn, webApi } from '@slack/bolt';
import type { CommandContext, Origin } from '../../core/commands/command-spec.js';
import { parseCommandText, runParsed } from '../../core/commands/registry.js';
import type { Reply } from '../../core/reply/reply.js';
import { utcDay } from '../../core/time/format-date.js';
import { EDITOR_COMMANDS, parseCorrectArgs, wantsUnverified } from '../../core/updates/editor-commands.js';
import type { EditorDesk, SubmitOutcome } from '../../core/updates/editor-desk.js';
import { noteReply, storedReply } from '../../core/updates/editor-replies.js';
import type { SlackEditorCheck } from './editor-check.js';
import { readSlashText } from './incoming-text.js';
import { slackOrigin } from './origin.js';
import { renderBlockKit } from './render-block-kit.js';
import { SLASH_COMMAND } from './slack-app-facts.js';
import { confirmView, resultView, UPDATE_CONFIRM_ID, UPDATE_FORM_ID, updateFormView, type UpdateFormMeta } from './update-modal-view.js';
import { formErrors, readFormMeta, readUpdateForm } from './update-modal-state.js';
import { viewOnce } from './view-replays.js';
import { storageReply } from '../../core/reply/storage-reply.js';
import { retrying, storageTrouble, type BusyRetryPolicy } from '../../store/busy-retry.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';

/** What the editors' Slack handlers need. */
export interface SlackEditorDeps {
  ctx: CommandContext;
  desk: EditorDesk;
  editorCheck: SlackEditorCheck;
  /** STRIKEWIRE_ADMINS, for the origin's channel-manager check. */
  admins: readonly string[];
  /** Idempotency keys: a submission delivered twice stores one update and gets one answer. */
  claims?: InteractionClaims;
}

const VIEW_CLAIM_RETRY: BusyRetryPolicy = { budgetMs: 400, firstDelayMs: 10, maxDelayMs: 100 };

/** Who is asking, and the client to answer them with. */
export interface Who {
  client: webApi.WebClient;
  userId: string;
  channelId?: string;
  /** The request's team, which scopes team-prefixed EDITORS_SLACK entries. */
  teamId?: string | undefined;
  logger: Logger;
}

/** The origin of an editor's request, with the lazy EDITORS_SLACK check. */
export function editorOrigin(deps: Pick<SlackEditorDeps, 'editorCheck' | 'admins'>, who: Who): Origin {
  return {
    ...slackOrigin({ client: who.client, userId: who.userId, ...(who.channelId ? { channelId: who.channelId } : {}), teamId: who.teamId, admins: deps.admins, logger: who.logger }),
    isEditor: deps.editorCheck.forUser(who),
  };
}

/** Runs an editor command; a locked or read-only database is answered as such, never as a generic failure. */
async function withStorageReply<T extends Reply | undefined>(ctx: CommandContext, run: () => Promise<T>): Promise<T | Reply> {
  try {
    return await run();
  } catch (err) {
    const trouble = storageTrouble(err);
    if (!trouble) throw err;
    return storageReply(ctx, trouble);
  }
}

/** A private answer through the command's response_url, without a Share button: editor answers are never shared. */
async function respondPrivately(respond: RespondFn, reply: Reply, logger: Logger): Promise<void> {
  const message = renderBlockKit(reply);
  await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks }).catch((err: Error) => logger.error(`Could not deliver an editor answer: ${err.message}`));
}

/**
 * The editors' side of the Slack app: a global middleware takes /strike update, correct, verify and log before
 * the general /strike handler (update and "correct <id> amend" open the update modal with views.open), and view
 * handlers answer the modal: field errors under their inputs, a before/after confirmation for stance and status
 * changes, then the result. Register through createSlackApp's `extend`.
 */
export function registerEditorTools(app: App, deps: SlackEditorDeps): void {
  const { ctx, desk } = deps;
  // A view must be acknowledged within three seconds of its submission: its claim waits out a lock only briefly.
  const claims = deps.claims ? retrying(deps.claims, VIEW_CLAIM_RETRY) : undefined;

  app.use(async (args) => {
    const body = args.body as { command?: string; text?: string; user_id?: string; channel_id?: string; trigger_id?: string };
    const parsed = body.command === SLASH_COMMAND ? parseCommandText(ctx, readSlashText(body.text ?? '')) : undefined;
    const isEditorCommand = parsed?.kind === 'command' && (EDITOR_COMMANDS as readonly string[]).includes(parsed.name) && !(parsed.name === 'update' && parsed.args.trim() && !wantsUnverified(parsed.args));
    if (!parsed || parsed.kind !== 'command' || !isEditorCommand || !body.user_id) return args.next();
    const { ack, respond } = args as unknown as AllMiddlewareArgs & { ack: () => Promise<void>; respond: RespondFn };
    await ack();
    const who: Who = { client: args.client, userId: body.user_id, ...(body.channel_id ? { channelId: body.channel_id } : {}), teamId: args.context.teamId, logger: args.logger };
    const origin = editorOrigin(deps, who);
    const correct = parsed.name === 'correct' ? parseCorrectArgs(parsed.args) : undefined;
    if (parsed.name !== 'update' && correct?.action !== 'amend') return respondPrivately(respond, await withStorageReply(ctx, () => runParsed(ctx, parsed, origin)), args.logger);

    // The trigger id expires three seconds after the command: check quickly, then open the form.
    const refusal = await withStorageReply(ctx, () => desk.authorize(ctx, origin, correct?.action === 'amend' ? `correct #${correct.id}` : 'update'));
    if (refusal) return respondPrivately(respond, refusal, args.logger);
    const meta: UpdateFormMeta = { ...(who.channelId ? { channelId: who.channelId } : {}) };
    let view;
    if (correct?.action === 'amend') {
      const problem = await desk.cannotCorrect(correct.id, correct.reason);
      const record = problem ? undefined : await desk.amendable(correct.id);
      if (!record) return respondPrivately(respond, noteReply(ctx, 'Nothing was changed', problem ?? `Update #${correct.id} cannot be amended.`), args.logger);
      view = updateFormView(ctx.knowledge, { today: utcDay(ctx.clock()), prefill: record.update, meta: { ...meta, amends: { id: correct.id, reason: correct.reason.trim() } } });
    } else {
      view = updateFormView(ctx.knowledge, { today: utcDay(ctx.clock()), unverified: wantsUnverified(parsed.args), meta });
    }
    try {
      await args.client.views.open({ trigger_id: body.trigger_id ?? '', view });
    } catch (err) {
      args.logger.warn(`views.open failed: ${(err as Error).message}`);
      await respondPrivately(respond, noteReply(ctx, 'The form did not open', 'Slack did not open the update form in time. Please run the command again.'), args.logger);
    }
  });

  // Field problems go under their inputs; anything else replaces the form with the next step or the result.
  const responseFor = (outcome: SubmitOutcome, meta: UpdateFormMeta): object => {
    switch (outcome.kind) {
      case 'invalid':
        return { response_action: 'errors', errors: formErrors(outcome.problems, Boolean(meta.amends)) };
      case 'confirm':
        return { response_action: 'update', view: confirmView(outcome.reply, { ...meta, pendingId: outcome.pendingId }) };
      default:
        return { response_action: 'update', view: resultView(outcome.reply) };
    }
  };
  // A stored update's digest edits finish after the ack; the result view is then updated with them.
  const afterAck = async (outcome: SubmitOutcome, who: Who & { viewId: string }) => {
    if (outcome.kind !== 'stored' || !outcome.edits) return;
    const edits = await outcome.edits;
    await who.client.views.update({ view_id: who.viewId, view: resultView(storedReply(ctx, outcome.record, edits)) }).catch((err: Error) => who.logger.warn(`views.update failed: ${err.message}`));
  };
  // Each submission is worked on once, keyed on view.id, view.hash and its values; a repeat gets the same answer.
  const answerOnce = async (once: ReturnType<typeof viewOnce>, ack: (response?: object) => Promise<void>, work: () => Promise<{ outcome: SubmitOutcome; meta: UpdateFormMeta; who: Who & { viewId: string } }>) => {
    let done;
    try {
      const repeat = await once.repeatAnswer();
      if (repeat) return await ack(repeat);
      done = await work();
    } catch (err) {
      await once.failed().catch(() => undefined);
      const trouble = storageTrouble(err);
      if (!trouble) throw err;
      // A locked or read-only database is said as such on the form, and the editor can submit again.
      return ack({ response_action: 'update', view: resultView(storageReply(ctx, trouble)) });
    }
    const response = responseFor(done.outcome, done.meta);
    await once.answered(response);
    await ack(response);
    await afterAck(done.outcome, done.who);
  };

  app.view(UPDATE_FORM_ID, async ({ ack, body, view, client, logger, context }) =>
    answerOnce(viewOnce(claims, view, ctx.clock), ack as (response?: object) => Promise<void>, async () => {
      const meta = readFormMeta(view.private_metadata);
      const { raw, reason } = readUpdateForm(view.state.values);
      const who = { client, userId: body.user.id, ...(meta.channelId ? { channelId: meta.channelId } : {}), teamId: context.teamId, logger, viewId: view.id };
      const amends = meta.amends ? { id: meta.amends.id, reason: reason ?? '' } : undefined;
      const outcome = await desk.submit(ctx, raw, editorOrigin(deps, who), { ...(amends ? { amends } : {}), publishInBackground: true });
      return { outcome, meta, who };
    }),
  );

  app.view(UPDATE_CONFIRM_ID, async ({ ack, body, view, client, logger, context }) =>
    answerOnce(viewOnce(claims, view, ctx.clock), ack as (response?: object) => Promise<void>, async () => {
      const meta = readFormMeta(view.private_metadata);
      const who = { client, userId: body.user.id, ...(meta.channelId ? { channelId: meta.channelId } : {}), teamId: context.teamId, logger, viewId: view.id };
      const outcome = await desk.confirm(ctx, meta.pendingId ?? '', editorOrigin(deps, who), { publishInBackground: true });
      // An expired confirmation has no inputs to show errors under: show it as the result.
      return { outcome: outcome.kind === 'invalid' ? { ...outcome, kind: 'refused' as const } : outcome, meta, who };
    }),
  );
}
