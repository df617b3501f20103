import { checkValues } from './form-checks.js';
import { proposalChoices } from './form-choices.js';
import { flagged, flagsField } from './form-flags.js';
import { takenIds } from './form-ids.js';
import { textOf, withInitial, type Choice, type FormSpec } from './form-model.js';
import { pickSource, sourceFieldOf, sourceFields } from './form-source.js';

const OUTCOMES: Choice[] = [
  { label: 'Agreed: the deal settles it', value: 'agreed' },
  { label: 'Withdrawn: dropped, or left out of the deal', value: 'withdrawn' },
];

/** "Settle or withdraw a proposal": its outcome (what the deal settled, or that it was dropped), dated and sourced. */
export const settleProposalForm: FormSpec = {
  name: 'settle',
  title: 'Settle a proposal',
  fields: (ctx, prefill) =>
    withInitial(
      [
        { key: 'proposal', label: 'Proposal', kind: 'select', required: true, choices: proposalChoices(ctx.knowledge, 'open') },
        { key: 'status', label: 'Outcome', kind: 'select', required: true, choices: OUTCOMES, initial: 'agreed' },
        { key: 'outcome', label: 'What was settled', kind: 'long', required: true, max: 600, hint: 'In your own words: what the deal gives, or why it was dropped.' },
        { key: 'date', label: 'Date', kind: 'date', required: true, initial: ctx.today },
        ...sourceFields(ctx),
        flagsField(),
      ],
      prefill,
    ),
  toPatch(values, ctx) {
    const problems = checkValues(this.fields(ctx), values, ctx.today);
    if (problems.length > 0) return { ok: false, problems };
    const proposal = ctx.knowledge.proposals.get(textOf(values, 'proposal')!)!;
    const date = textOf(values, 'date')!;
    const source = pickSource(values, ctx, takenIds(ctx.knowledge), date);
    if (!source.ok) return { ok: false, problems: [source.problem] };
    const text = textOf(values, 'outcome')!;
    const status = textOf(values, 'status')!;
    const sources = [source.id];
    return {
      ok: true,
      title: `${status === 'agreed' ? 'Agreed' : 'Withdrawn'}: ${proposal.name}`,
      unverified: flagged(values, 'unverified'),
      patch: {
        ...(source.entry ? { sources: [source.entry] } : {}),
        // The history line keeps the settlement on the proposal's own timeline as well as in its outcome.
        proposals: [{ id: proposal.id, status, outcome: { text, date, sources }, history: [{ date, party: proposal.proposedBy, text, sources }] }],
      },
      fieldOf: (path) => sourceFieldOf(path) ?? (/date/.test(path) ? 'date' : /status/.test(path) ? 'status' : /outcome|history/.test(path) ? 'outcome' : 'proposal'),
    };
  },
};
