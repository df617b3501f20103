import { ButtonStyle, MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction, type MessageContextMenuCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { CommandContext, Origin } from '../../core/commands/command-spec.js';
import { systemClock, type Clock } from '../../core/time/clock.js';
import type { InteractionClaims } from '../../store/interaction-claims.js';
import { runParsed } from '../../core/commands/registry.js';
import type { Reply } from '../../core/reply/reply.js';
import { utcDay } from '../../core/time/format-date.js';
import { EDITOR_COMMANDS, parseCorrectArgs, wantsUnverified } from '../../core/updates/editor-commands.js';
import type { EditorDesk, SubmitOutcome } from '../../core/updates/editor-desk.js';
import { invalidReply, noteReply } from '../../core/updates/editor-replies.js';
import type { FieldProblem } from '../../core/updates/update-error.js';
import { formatUpdateTextForm, parseUpdateTextForm, textFieldOf, type UpdateTextForm } from '../../core/updates/update-text-form.js';
import { isDiscordEditor, type MemberLike } from './editor-check.js';
import { deliverPrivately } from './interaction-replies.js';
import { originFromInteraction } from './origin.js';
import { renderDiscordMessages } from './render-embeds.js';
import { routeCommand } from './route-command.js';
import type { FormMemoShelf } from './form-memo-shelf.js';
import { FormMemory } from './update-form-memory.js';
import { buildUpdateModal, buttonRow, editorCustomId, readEditorCustomId, readUpdateModal, TEXT_BOXES } from './update-modal.js';

/** What the editors' Discord handlers need. */
export interface EditorDiscordDeps {
  ctx: CommandContext;
  desk: EditorDesk;
  /** EDITORS_DISCORD: role ids (and user ids). */
  editors: readonly string[];
  /** The database's form memos (FormMemoStore), so the submission may reach any replica; this process's own without. */
  memos?: FormMemoShelf;
  /** One write per Discord interaction id (form submissions, Confirm, Cancel, every /strike-editor use), in the database. */
  claims: InteractionClaims;
  clock?: Clock;
}

type EditorInteraction = ChatInputCommandInteraction | ModalSubmitInteraction | ButtonInteraction;

/** The origin of an editor's interaction, with the EDITORS_DISCORD role check. */
export function editorOrigin(editors: readonly string[], interaction: EditorInteraction | MessageContextMenuCommandInteraction): Origin {
  const member = interaction.member as MemberLike;
  return { ...originFromInteraction(interaction), isEditor: async () => isDiscordEditor(editors, interaction.user.id, member) };
}

/**
 * Handles /strike-editor before the general handler sees it: update and correct … amend open the update form (a
 * modal, which must be the first response), the other editor commands answer privately without a Share button,
 * and the form's submissions and buttons are answered here. An interaction delivered again is dropped, keyed on
 * its id in the database. Returns false for everything else.
 */
export function createEditorInteractionHandler(deps: EditorDiscordDeps): (interaction: Interaction) => Promise<boolean> {
  const { ctx, desk } = deps;
  const clock = deps.clock ?? systemClock;
  const forms = new FormMemory(deps.memos, clock);
  // True the first time this process or any other sees the interaction id.
  const firstDelivery = async (interaction: EditorInteraction) => (await deps.claims.claim('discord', interaction.id, clock())).first;

  const privately = async (interaction: EditorInteraction, reply: Reply, rows: ReturnType<typeof buttonRow>[] = []) => {
    if (!interaction.deferred && !interaction.replied) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await deliverPrivately(interaction, renderDiscordMessages(reply), rows);
  };

  // An expired token and someone else's read alike: telling them apart would confirm that a token exists.
  const expired = noteReply(ctx, 'This form has expired', 'It may also have been opened by someone else. Nothing was saved; run /strike-editor update again.');

  const openForm = async (interaction: ChatInputCommandInteraction | ButtonInteraction, title: string, memo: { amends?: { id: number; reason: string } }, prefill: Partial<UpdateTextForm>) => {
    const token = await forms.remember(interaction.user.id, { ...memo, values: { story: '', when: '', proposals: '', quote: '', source: '', ...prefill } });
    await interaction.showModal(buildUpdateModal(editorCustomId('form', token), title, prefill));
  };

  const command = async (interaction: ChatInputCommandInteraction): Promise<boolean> => {
    const route = routeCommand(ctx, interaction);
    const parsed = route?.family === 'editor' ? route.parsed : undefined;
    if (parsed?.kind !== 'command' || !(EDITOR_COMMANDS as readonly string[]).includes(parsed.name)) return false;
    if (!(await firstDelivery(interaction))) return true;
    const origin = editorOrigin(deps.editors, interaction);
    const correct = parsed.name === 'correct' ? parseCorrectArgs(parsed.args, origin) : undefined;
    if (parsed.name === 'update' || correct?.action === 'amend') {
      // Showing a modal must be the first response, so the checks here are quick: roles are on the interaction.
      const refusal = await desk.authorize(ctx, origin, correct?.action === 'amend' ? `correct #${correct.id}` : 'update');
      if (refusal) {
        await privately(interaction, refusal);
        return true;
      }
      if (correct?.action === 'amend') {
        const problem = await desk.cannotCorrect(correct.id, correct.reason, origin);
        const record = problem ? undefined : await desk.amendable(correct.id);
        if (!record) {
          await privately(interaction, noteReply(ctx, 'Nothing was changed', problem ?? `Update #${correct.id} cannot be amended.`));
          return true;
        }
        await openForm(interaction, `Correct update #${correct.id}`, { amends: { id: correct.id, reason: correct.reason.trim() } }, formatUpdateTextForm(record.update, ctx));
        return true;
      }
      await openForm(interaction, 'New update', {}, { when: `${utcDay(ctx.clock())}${wantsUnverified(parsed.args) ? ' unverified' : ''}` });
      return true;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await privately(interaction, await runParsed(ctx, parsed, origin));
    return true;
  };

  const answerOutcome = async (interaction: ModalSubmitInteraction | ButtonInteraction, outcome: SubmitOutcome, values?: UpdateTextForm) => {
    if (outcome.kind === 'confirm') {
      const rows = [buttonRow({ customId: editorCustomId('ok', outcome.pendingId), label: 'Confirm', style: ButtonStyle.Primary }, { customId: editorCustomId('no', outcome.pendingId), label: 'Cancel', style: ButtonStyle.Secondary })];
      return privately(interaction, outcome.reply, rows);
    }
    if (outcome.kind === 'invalid' && values) return invalid(interaction, outcome.problems, values);
    return privately(interaction, outcome.reply);
  };

  // Problems name the field and the box it is typed in; "Fix it" reopens the form with what was typed.
  const invalid = async (interaction: ModalSubmitInteraction | ButtonInteraction, problems: FieldProblem[], values: UpdateTextForm, amends?: { id: number; reason: string }) => {
    const located = problems.map((p) => ({ ...p, problem: `${p.problem} (in “${TEXT_BOXES[textFieldOf(p.field)].label}”)` }));
    const token = await forms.remember(interaction.user.id, { values, ...(amends ? { amends } : {}) });
    await privately(interaction, invalidReply(ctx, located), [buttonRow({ customId: editorCustomId('fix', token), label: 'Fix it', style: ButtonStyle.Primary })]);
  };

  const submitted = async (interaction: ModalSubmitInteraction, token: string) => {
    if (!(await firstDelivery(interaction))) return;
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const memo = await forms.recall(token, interaction.user.id);
    // Without its memo the form might have been an amendment: storing it as a new update would be wrong, so it is
    // refused (after the editor check, so a non-editor hears only that) and nothing is saved.
    if (!memo) return privately(interaction, (await desk.authorize(ctx, editorOrigin(deps.editors, interaction), 'update')) ?? expired);
    const values = readUpdateModal(interaction);
    const { raw, problems } = parseUpdateTextForm(values, ctx);
    if (problems.length > 0) return invalid(interaction, problems, values, memo.amends);
    const outcome = await desk.submit(ctx, raw, editorOrigin(deps.editors, interaction), memo.amends ? { amends: memo.amends } : {});
    if (outcome.kind === 'invalid') return invalid(interaction, outcome.problems, values, memo.amends);
    return answerOutcome(interaction, outcome, values);
  };

  const button = async (interaction: ButtonInteraction, action: 'ok' | 'no' | 'fix', token: string) => {
    if (action === 'fix') {
      const memo = await forms.recall(token, interaction.user.id);
      if (!memo?.values) return privately(interaction, expired);
      return openForm(interaction, memo.amends ? `Correct update #${memo.amends.id}` : 'New update', memo.amends ? { amends: memo.amends } : {}, memo.values);
    }
    if (!(await firstDelivery(interaction))) return;
    // Only the editor who made the change may confirm or drop it. Anyone else is told in a new private message,
    // so the editor's own message keeps its buttons.
    const origin = editorOrigin(deps.editors, interaction);
    if (!(await desk.isPendingOf(ctx, token, origin))) {
      const [title, verb] = action === 'no' ? ['Nothing was cancelled', 'cancel'] : ['Nothing was saved', 'confirm'];
      return privately(interaction, noteReply(ctx, title, `This change has expired, or it is not yours: only the editor who made this change can ${verb} it.`));
    }
    if (action === 'no') await desk.cancel(ctx, token, origin);
    await interaction.deferUpdate();
    if (action === 'no') return deliverPrivately(interaction, renderDiscordMessages(noteReply(ctx, 'Cancelled', 'Nothing was saved.')), []);
    return answerOutcome(interaction, await desk.confirm(ctx, token, origin));
  };

  return async (interaction) => {
    if (interaction.isChatInputCommand()) return command(interaction);
    const id = interaction.isModalSubmit() || interaction.isButton() ? readEditorCustomId(interaction.customId) : undefined;
    if (!id) return false;
    if (interaction.isModalSubmit() && id.action === 'form') await submitted(interaction, id.token);
    else if (interaction.isButton() && id.action !== 'form') await button(interaction, id.action, id.token);
    return true;
  };
}
