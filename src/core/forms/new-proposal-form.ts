import { checkValues } from './form-checks.js';
import { partyChoices, stanceChoices } from './form-choices.js';
import { aliasesOf, ALIASES_FIELD } from './form-aliases.js';
import { flagged, flagsField } from './form-flags.js';
import { newId, takenIds } from './form-ids.js';
import { textOf, withInitial, type FormSpec } from './form-model.js';
import { pickSource, sourceFieldOf, sourceFields } from './form-source.js';

/**
 * "New proposal": an issue the reporting starts to name (rules on AI, a wage floor), who put it forward and where
 * they stand, and optionally the other side's first reaction. The proposal starts open.
 */
export const newProposalForm: FormSpec = {
  name: 'new-proposal',
  title: 'New proposal',
  fields: (ctx, prefill) =>
    withInitial(
      [
        { key: 'name', label: 'Name', kind: 'text', required: true, max: 100, placeholder: 'Rules on AI-written scripts' },
        ALIASES_FIELD,
        { key: 'summary', label: 'What it asks for', kind: 'long', required: true, max: 600, hint: 'In your own words.' },
        { key: 'proposedBy', label: 'Put forward by', kind: 'select', required: true, choices: partyChoices(ctx.knowledge) },
        { key: 'proposerStance', label: 'Their stance', kind: 'select', required: true, choices: stanceChoices(), initial: 'demands' },
        { key: 'other.party', label: 'Other side (optional)', kind: 'select', required: false, choices: partyChoices(ctx.knowledge) },
        { key: 'other.stance', label: 'Other side’s stance', kind: 'select', required: false, choices: stanceChoices() },
        { key: 'other.detail', label: 'Other side’s position in a sentence', kind: 'text', required: false, max: 300 },
        { key: 'date', label: 'Date it was put forward', kind: 'date', required: true, initial: ctx.today },
        ...sourceFields(ctx),
        flagsField(),
      ],
      prefill,
    ),
  toPatch(values, ctx) {
    const problems = checkValues(this.fields(ctx), values, ctx.today);
    const other = textOf(values, 'other.party');
    const otherStance = textOf(values, 'other.stance');
    const proposer = textOf(values, 'proposedBy');
    if (other && !otherStance) problems.push({ field: 'other.stance', problem: 'choose the other side’s stance, or clear the other side' });
    if (!other && otherStance) problems.push({ field: 'other.party', problem: 'choose which party holds this stance' });
    if (other && other === proposer) problems.push({ field: 'other.party', problem: 'the other side must be a different party' });
    if (problems.length > 0) return { ok: false, problems };
    const taken = takenIds(ctx.knowledge);
    const date = textOf(values, 'date')!;
    const source = pickSource(values, ctx, taken, date);
    if (!source.ok) return { ok: false, problems: [source.problem] };
    const name = textOf(values, 'name')!;
    const summary = textOf(values, 'summary')!;
    const sources = [source.id];
    const stances = [
      { party: proposer!, stance: textOf(values, 'proposerStance')!, detail: summary, since: date, sources },
      ...(other ? [{ party: other, stance: otherStance!, detail: textOf(values, 'other.detail') ?? summary, since: date, sources }] : []),
    ];
    const proposal = { id: newId(name, taken, 'proposal'), name, aliases: aliasesOf(values), summary, proposedBy: proposer!, status: 'open', stances, sources };
    return {
      ok: true,
      title: `New proposal: ${name}`,
      unverified: flagged(values, 'unverified'),
      patch: { ...(source.entry ? { sources: [source.entry] } : {}), proposals: [proposal] },
      fieldOf: (path) =>
        sourceFieldOf(path) ?? (/stances\[1\]/.test(path) ? 'other.party' : /stances|proposedBy/.test(path) ? 'proposedBy' : /since/.test(path) ? 'date' : (/\.(summary|aliases)/.exec(path)?.[1] ?? 'name')),
    };
  },
};
