import { createHash } from 'node:crypto';
import { ButtonStyle, MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type MessageContextMenuCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { CommandContext } from '../../core/commands/command-spec.js';
import type { FormName, FormValues } from '../../core/forms/form-model.js';
import { FORMS, formRequest, isFormRequest } from '../../core/forms/form-registry.js';
import { formContext, submitForm, type PatchDeskPort, type PatchOutcome } from '../../core/forms/form-submit.js';
import type { Reply } from '../../core/reply/reply.js';
import { invalidReply, noteReply } from '../../core/updates/editor-replies.js';
import { claimOnce } from '../../store/claim-once.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import type { FormMemoShelf } from './form-memo-shelf.js';
import { STRIKE_COMMAND_NAME } from './command-definitions.js';
import { discordCommandName } from './command-spelling.js';
import { draftFromMessage } from './draft-context-menu.js';
import { DRAFT_MENU_NAME } from './draft-menu-command.js';
import { editorOrigin } from './handle-editor-interactions.js';
import { deliverPrivately } from './interaction-replies.js';
import { routeCommand } from './route-command.js';
import { renderDiscordMessages } from './render-embeds.js';
import { buttonRow } from './update-modal.js';
import { buildFormPage, formPages, readFormPage } from './form-pages.js';
import { formCustomId, FormPagesMemory, readFormCustomId } from './form-memory.js';

/** What the Discord forms need: the patch desk, EDITORS_DISCORD, claims so a repeat stores once, and the memos' shelf. */
export interface DiscordFormDeps {
  ctx: CommandContext;
  desk: PatchDeskPort;
  editors: readonly string[];
  claims?: InteractionClaims;
  /** The database's form memos (FormMemoStore), so any replica takes the next page; this process's own without. */
  memos?: FormMemoShelf;
}

type Repliable = ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction | MessageContextMenuCommandInteraction;

/**
 * The editors' forms on Discord: `/strike update`, `/strike new …` and `/strike settle …` open a form, the message command
 * "Draft update from this message" drafts the update form from a message. A form longer than one modal's five
 * inputs continues page by page behind a private "Continue" button; the last page goes through the patch desk,
 * then problems (with a button back to the page at fault), a Confirm/Cancel for before/after, or the result.
 */
export function createFormInteractionHandler(deps: DiscordFormDeps): (interaction: Interaction) => Promise<boolean> {
  const { ctx, desk } = deps;
  const memory = new FormPagesMemory(deps.memos, () => ctx.clock());
  const pagesOf = (form: FormName) => formPages(FORMS[form].fields(formContext(ctx)));

  const privately = async (interaction: Repliable, reply: Reply, rows: ReturnType<typeof buttonRow>[] = []) => {
    if (!interaction.deferred && !interaction.replied) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await deliverPrivately(interaction, renderDiscordMessages(reply), rows);
  };
  const openPage = (interaction: ChatInputCommandInteraction | ButtonInteraction, token: string, form: FormName, page: number, values: FormValues) => {
    const pages = pagesOf(form);
    const title = `${FORMS[form].title}${pages.length > 1 ? ` (${page + 1} of ${pages.length})` : ''}`;
    return interaction.showModal(buildFormPage(formCustomId('page', token, page), title, pages[page] ?? [], values));
  };
  // An expired token and someone else's read alike: telling them apart would confirm that a token exists.
  const expired = noteReply(ctx, 'This form has expired', 'It may also have been opened by someone else. Please open it again; nothing was saved.');
  const continueRow = (token: string, page: number, label: string) => buttonRow({ customId: formCustomId('open', token, page), label, style: ButtonStyle.Primary });

  const command = async (interaction: ChatInputCommandInteraction): Promise<boolean> => {
    const routed = routeCommand(ctx, interaction);
    if (routed?.family !== 'editor') return false;
    const parsed = routed.parsed;
    if (parsed.kind !== 'command' || !isFormRequest(parsed.name, parsed.args)) return false;
    const origin = editorOrigin(deps.editors, interaction);
    const request = formRequest(parsed.name, parsed.args, ctx, origin);
    // Showing a modal must be the first response: the role check is quick, the roles are on the interaction.
    const refusal = await desk.authorize(ctx, origin, `form ${request.ok ? request.form.name : parsed.name}`);
    if (refusal) await privately(interaction, refusal);
    else if (!request.ok) await privately(interaction, noteReply(ctx, 'Which form?', request.problem));
    else await openPage(interaction, await memory.remember(interaction.user.id, { form: request.form.name, values: request.prefill }), request.form.name, 0, request.prefill);
    return true;
  };

  const drafted = async (interaction: MessageContextMenuCommandInteraction) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const refusal = await desk.authorize(ctx, editorOrigin(deps.editors, interaction), 'form draft from message');
    if (refusal) return privately(interaction, refusal);
    const text = interaction.targetMessage.content ?? '';
    if (!text.trim()) return privately(interaction, noteReply(ctx, 'Nothing to draft from', `That message has no text. Paste the article into a message and try again, or run ${discordCommandName('update')}.`));
    const { values, notice, evidence } = draftFromMessage(ctx, text);
    const token = await memory.remember(interaction.user.id, { form: 'update', values, notice, evidence });
    await privately(interaction, noteReply(ctx, 'Drafted update', notice), [continueRow(token, 0, 'Open the drafted form')]);
  };

  const answer = async (interaction: ModalSubmitInteraction | ButtonInteraction, outcome: PatchOutcome, token: string, form: FormName) => {
    if (outcome.kind === 'confirm') {
      const rows = [buttonRow({ customId: formCustomId('ok', outcome.pendingId), label: 'Confirm', style: ButtonStyle.Primary }, { customId: formCustomId('no', outcome.pendingId), label: 'Cancel', style: ButtonStyle.Secondary })];
      return privately(interaction, outcome.reply, rows);
    }
    if (outcome.kind !== 'invalid') return privately(interaction, outcome.reply);
    // Problems name the input and its page; the button reopens the page of the first one, with what was typed.
    const pages = pagesOf(form);
    const pageOf = (field: string) => Math.max(0, pages.findIndex((p) => p.some((f) => f.key === field)));
    const labelOf = (field: string) => pages.flat().find((f) => f.key === field)?.label ?? field;
    const located = outcome.problems.map((p) => ({ field: labelOf(p.field), problem: `${p.problem} (page ${pageOf(p.field) + 1})` }));
    return privately(interaction, invalidReply(ctx, located), [continueRow(token, pageOf(outcome.problems[0]?.field ?? ''), 'Fix it')]);
  };

  const submittedPage = async (interaction: ModalSubmitInteraction, token: string, page: number) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const memo = await memory.recall(token, interaction.user.id);
    if (!memo) return privately(interaction, expired);
    const pages = pagesOf(memo.form);
    memo.values = { ...memo.values, ...readFormPage(interaction, pages[page] ?? []) };
    // Saved before answering: the next page may reach another replica the moment the Continue button shows.
    if (page + 1 < pages.length && !memo.submitted) {
      await memory.save(token, memo);
      return privately(interaction, noteReply(ctx, `${FORMS[memo.form].title}: page ${page + 1} of ${pages.length} kept`, 'Nothing is saved until the last page.'), [continueRow(token, page + 1, `Continue (${page + 2} of ${pages.length})`)]);
    }
    memo.submitted = true;
    await memory.save(token, memo);
    const key = `form:${token}:${createHash('sha256').update(JSON.stringify(memo.values)).digest('hex').slice(0, 32)}`;
    let outcome: PatchOutcome | undefined;
    const once = await claimOnce(deps.claims, 'discord', key, ctx.clock(), async () => {
      outcome = await submitForm(desk, ctx, FORMS[memo.form], memo.values, editorOrigin(deps.editors, interaction), memo.evidence ?? []);
      return outcome.kind;
    });
    if (!outcome) return privately(interaction, noteReply(ctx, 'Already submitted', `This form was already submitted${once.result ? ` (${once.result})` : ''}. See ${discordCommandName('log')}.`));
    return answer(interaction, outcome, token, memo.form);
  };

  const button = async (interaction: ButtonInteraction, action: 'open' | 'ok' | 'no', token: string, page: number) => {
    if (action === 'open') {
      const memo = await memory.recall(token, interaction.user.id);
      if (!memo) return privately(interaction, expired);
      return openPage(interaction, token, memo.form, page, memo.values);
    }
    await interaction.deferUpdate();
    if (action === 'no') {
      await desk.cancelPatch(token, editorOrigin(deps.editors, interaction));
      return deliverPrivately(interaction, renderDiscordMessages(noteReply(ctx, 'Cancelled', 'Nothing was saved.')), []);
    }
    // A double click sends two interactions for one held patch: the claim is on the patch and the presser, not the
    // click, so someone else's press (refused) cannot use up the author's.
    let reply: Reply | undefined;
    await claimOnce(deps.claims, 'discord', `confirm:${token}:${interaction.user.id}`, ctx.clock(), async () => {
      reply = (await desk.confirmPatch(ctx, token, editorOrigin(deps.editors, interaction))).reply;
      return 'confirmed';
    });
    return deliverPrivately(interaction, renderDiscordMessages(reply ?? noteReply(ctx, 'Already confirmed', `This change was already confirmed. See ${discordCommandName('log')}.`)), []);
  };

  return async (interaction) => {
    if (interaction.isChatInputCommand()) return command(interaction);
    if (interaction.isMessageContextMenuCommand()) {
      if (interaction.commandName !== DRAFT_MENU_NAME) return false;
      await drafted(interaction);
      return true;
    }
    const id = interaction.isModalSubmit() || interaction.isButton() ? readFormCustomId(interaction.customId) : undefined;
    if (!id) return false;
    if (interaction.isModalSubmit() && id.action === 'page') await submittedPage(interaction, id.token, id.page);
    else if (interaction.isButton() && id.action !== 'page') await button(interaction, id.action, id.token, id.page);
    return true;
  };
}
