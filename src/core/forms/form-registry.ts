import { commandName } from '../commands/command-name.js';
import type { CommandContext, Origin } from '../commands/command-spec.js';
import { normalizeText } from '../match/normalize-text.js';
import { wantsUnverified } from '../updates/editor-commands.js';
import { FLAGS } from './form-flags.js';
import type { FormName, FormSpec, FormValues } from './form-model.js';
import { newPartyForm } from './new-party-form.js';
import { newPersonForm } from './new-person-form.js';
import { newProposalForm } from './new-proposal-form.js';
import { settleProposalForm } from './settle-proposal-form.js';
import { updateForm } from './update-form.js';

/** Every editor form by name. */
export const FORMS: Record<FormName, FormSpec> = {
  update: updateForm,
  'new-proposal': newProposalForm,
  'new-person': newPersonForm,
  'new-party': newPartyForm,
  settle: settleProposalForm,
};

/** The /strike words that open a form ("/strike update", "/strike new person", "/strike settle mini rooms"). */
export const FORM_COMMANDS: readonly string[] = ['update', 'new', 'settle'];

/** Whether `/strike <command> <args>` asks for a form: "/strike update on mini rooms?" is a question instead. */
export function isFormRequest(command: string, args: string): boolean {
  const word = command.toLowerCase();
  return FORM_COMMANDS.includes(word) && (word !== 'update' || !args.trim() || wantsUnverified(args));
}

/** Which form a `/strike new …` or `/strike settle …` asks for, with what to prefill; or why it cannot tell. */
export type FormRequest = { ok: true; form: FormSpec; prefill: FormValues } | { ok: false; problem: string };

const newUsage = (origin?: Origin) => `Use ${['proposal', 'person', 'party'].map((k) => commandName(origin, `new ${k}`)).join(', ').replace(/, ([^,]*)$/, ' or $1')}.`;

/** Reads the arguments of `update`, `new` and `settle`. A settle names the proposal by any of its names, or none. */
export function formRequest(command: string, args: string, ctx: Pick<CommandContext, 'entities' | 'knowledge'>, origin?: Origin): FormRequest {
  const words = normalizeText(args);
  if (command === 'update') return { ok: true, form: updateForm, prefill: wantsUnverified(args) ? { [FLAGS]: ['unverified'] } : {} };
  if (command === 'new') {
    const kind = words.split(' ')[0] ?? '';
    const form = kind === 'proposal' || kind === 'issue' ? newProposalForm : kind === 'person' ? newPersonForm : kind === 'party' ? newPartyForm : undefined;
    return form ? { ok: true, form, prefill: {} } : { ok: false, problem: `${words ? `“${args.trim().slice(0, 30)}” is not something the forms add. ` : ''}${newUsage(origin)}` };
  }
  if (!words) return { ok: true, form: settleProposalForm, prefill: {} };
  const found = ctx.entities.lookup(args.trim(), ['proposal']);
  const proposal = found ? ctx.knowledge.proposals.get(found.id) : undefined;
  if (!proposal) return { ok: false, problem: `No proposal called “${args.trim().slice(0, 60)}”. See ${commandName(origin, 'proposals')}, or run ${commandName(origin, 'settle')} to choose one.` };
  if (proposal.status !== 'open') return { ok: false, problem: `${proposal.name} is already ${proposal.status}. To change its outcome, correct the patch that settled it.` };
  return { ok: true, form: settleProposalForm, prefill: { proposal: proposal.id } };
}
