import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, App, Logger, RespondFn, types, webApi } from '@slack/bolt';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { FormName } from '../../core/forms/form-model.js';
import { FORMS, formRequest, isFormRequest } from '../../core/forms/form-registry.js';
import { formContext, submitForm, type PatchDeskPort, type PatchOutcome } from '../../core/forms/form-submit.js';
import type { Reply } from '../../core/reply/reply.js';
import { noteReply } from '../../core/updates/editor-replies.js';
import { claimOnce } from '../../store/claim-once.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import type { SlackEditorCheck } from './editor-check.js';
import { editorOrigin, type Who } from './handle-editor-tools.js';
import { readSlashText } from './incoming-text.js';
import { formViewErrors, readFormValues, readFormViewMeta } from './form-modal-state.js';
import { FORM_CONFIRM_ID, FORM_VIEW_ID, formConfirmView, formResultView, formView, shownKeys, type FormViewMeta } from './form-modal-view.js';
import { renderBlockKit } from './render-block-kit.js';
import { SLASH_COMMAND } from './slack-app-facts.js';

/** What the Slack forms need: the patch desk's submit path and who may write; claims make submissions idempotent. */
export interface SlackFormDeps {
  ctx: CommandContext;
  desk: PatchDeskPort;
  editorCheck: SlackEditorCheck;
  admins: readonly string[];
  claims?: InteractionClaims;
}

/** A private answer through a response_url; editors' answers are never shared. */
export async function respondPrivately(respond: RespondFn, reply: Reply, logger: Logger): Promise<void> {
  const message = renderBlockKit(reply);
  await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }).catch((err: Error) => logger.error(`Could not deliver an editor answer: ${err.message}`));
}

/** Opens a form as a modal; when Slack refuses (the trigger expired), says so privately. */
export async function openFormModal(client: webApi.WebClient, triggerId: string, view: types.ModalView, reply: (r: Reply) => Promise<void>, ctx: CommandContext, logger: Logger): Promise<void> {
  try {
    await client.views.open({ trigger_id: triggerId, view });
  } catch (err) {
    logger.warn(`views.open failed: ${(err as Error).message}`);
    await reply(noteReply(ctx, 'The form did not open', 'Slack did not open the form in time. Please try again.'));
  }
}

/** The modal for a form, prefilled. */
export function modalFor(ctx: CommandContext, name: FormName, meta: Omit<FormViewMeta, 'form'>, prefill = {}, notice?: string): types.ModalView {
  const form = FORMS[name];
  return formView(form.title, form.fields(formContext(ctx), prefill), { form: name, ...meta }, notice);
}

/**
 * The editors' forms on Slack: `/strike update`, `/strike new proposal|person|party` and `/strike settle [proposal]`
 * open a modal (after the editor check, within the trigger's three seconds); its submission goes through the patch desk, with
 * problems under their inputs, a before/after confirmation, then the result. Each submission is claimed on Slack's
 * view id and the submitted content, so a retried delivery answers with the first one's response and stores once.
 */
export function registerEditorForms(app: App, deps: SlackFormDeps): void {
  const { ctx, desk } = deps;

  app.use(async (args) => {
    const body = args.body as { command?: string; text?: string; user_id?: string; channel_id?: string; trigger_id?: string };
    const [word = '', ...rest] = body.command === SLASH_COMMAND ? readSlashText(body.text ?? '').trim().split(/\s+/) : [];
    if (!isFormRequest(word, rest.join(' ')) || !body.user_id) return args.next();
    const { ack, respond } = args as unknown as AllMiddlewareArgs & { ack: () => Promise<void>; respond: RespondFn };
    await ack();
    const who: Who = { client: args.client, userId: body.user_id, ...(body.channel_id ? { channelId: body.channel_id } : {}), teamId: args.context.teamId, logger: args.logger };
    const reply = (r: Reply) => respondPrivately(respond, r, args.logger);
    const request = formRequest(word.toLowerCase(), rest.join(' '), ctx);
    const refusal = await desk.authorize(ctx, editorOrigin(deps, who), `form ${request.ok ? request.form.name : word}`);
    if (refusal) return reply(refusal);
    if (!request.ok) return reply(noteReply(ctx, 'Which form?', request.problem));
    const view = modalFor(ctx, request.form.name, who.channelId ? { channelId: who.channelId } : {}, request.prefill);
    await openFormModal(args.client, body.trigger_id ?? '', view, reply, ctx, args.logger);
  });

  const response = (outcome: PatchOutcome, meta: FormViewMeta, shown: Set<string>, fallback: string): object => {
    if (outcome.kind === 'invalid') return { response_action: 'errors', errors: formViewErrors(outcome.problems, shown, fallback) };
    if (outcome.kind === 'confirm') return { response_action: 'update', view: formConfirmView(outcome.reply, { ...meta, pendingId: outcome.pendingId }) };
    return { response_action: 'update', view: formResultView(outcome.reply) };
  };
  const busy = () => ({ response_action: 'update', view: formResultView(noteReply(ctx, 'Already received', 'This form was already submitted and is being saved. See /strike log.')) });

  app.view(FORM_VIEW_ID, async ({ ack, body, view, client, logger, context }) => {
    const meta = readFormViewMeta(view.private_metadata);
    if (!meta) return ack({ response_action: 'update', view: formResultView(noteReply(ctx, 'This form has expired', 'Please open it again.')) } as never);
    const form = FORMS[meta.form];
    const fields = form.fields(formContext(ctx));
    const values = readFormValues(view.state.values, fields);
    const who: Who = { client, userId: body.user.id, ...(meta.channelId ? { channelId: meta.channelId } : {}), teamId: context.teamId, logger };
    const key = `form:${view.id}:${createHash('sha256').update(JSON.stringify([body.user.id, view.private_metadata, values])).digest('hex').slice(0, 32)}`;
    const once = await claimOnce(deps.claims, 'slack', key, ctx.clock(), async () => {
      const outcome = await submitForm(desk, ctx, form, values, editorOrigin(deps, who), meta.evidence ?? []);
      const { evidence: _evidence, ...rest } = meta;
      return JSON.stringify(response(outcome, rest, shownKeys(fields), fields[0]!.key));
    });
    await ack((once.result ? JSON.parse(once.result) : busy()) as never);
  });

  app.view(FORM_CONFIRM_ID, async ({ ack, body, view, client, logger, context }) => {
    const meta = readFormViewMeta(view.private_metadata);
    const who: Who = { client, userId: body.user.id, ...(meta?.channelId ? { channelId: meta.channelId } : {}), teamId: context.teamId, logger };
    const key = `confirm:${view.id}:${meta?.pendingId ?? ''}`;
    const once = await claimOnce(deps.claims, 'slack', key, ctx.clock(), async () => {
      const outcome = await desk.confirmPatch(ctx, meta?.pendingId ?? '', editorOrigin(deps, who));
      // An expired confirmation has no inputs to show errors under: it is shown as the result.
      return JSON.stringify({ response_action: 'update', view: formResultView(outcome.reply) });
    });
    await ack((once.result ? JSON.parse(once.result) : busy()) as never);
  });
}
