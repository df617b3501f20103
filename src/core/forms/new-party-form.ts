import { checkValues } from './form-checks.js';
import { partyKindChoices } from './form-choices.js';
import { aliasesOf, ALIASES_FIELD } from './form-aliases.js';
import { flagged, flagsField } from './form-flags.js';
import { newId, takenIds } from './form-ids.js';
import { textOf, withInitial, type Choice, type FormSpec } from './form-model.js';
import { pickSource, sourceFieldOf, sourceFields } from './form-source.js';

const SIDES: Choice[] = [
  { label: 'Joins the union side of the dispute', value: 'unions' },
  { label: 'Joins the employer side of the dispute', value: 'employers' },
  { label: 'Neither side (a mediator, another guild)', value: 'neither' },
];

/** "New party": an organisation the reporting brings in (another guild, a mediator), and which side it is on. */
export const newPartyForm: FormSpec = {
  name: 'new-party',
  title: 'New party',
  fields: (ctx, prefill) =>
    withInitial(
      [
        { key: 'name', label: 'Full name', kind: 'text', required: true, max: 150, placeholder: 'Guild of Stage Technicians' },
        { key: 'shortName', label: 'Short name', kind: 'text', required: true, max: 40, placeholder: 'GST' },
        ALIASES_FIELD,
        { key: 'kind', label: 'Kind of party', kind: 'select', required: true, choices: partyKindChoices() },
        { key: 'side', label: 'Side in the dispute', kind: 'select', required: true, choices: SIDES, initial: 'neither' },
        { key: 'description', label: 'Who they are', kind: 'long', required: true, max: 500, hint: 'One sentence, in your own words.' },
        ...sourceFields(ctx),
        flagsField(),
      ],
      prefill,
    ),
  toPatch(values, ctx) {
    const problems = checkValues(this.fields(ctx), values, ctx.today);
    if (problems.length > 0) return { ok: false, problems };
    const taken = takenIds(ctx.knowledge);
    const source = pickSource(values, ctx, taken, ctx.today);
    if (!source.ok) return { ok: false, problems: [source.problem] };
    const name = textOf(values, 'name')!;
    const shortName = textOf(values, 'shortName')!;
    const id = newId(shortName, taken, 'party');
    const party = { id, name, shortName, kind: textOf(values, 'kind')!, aliases: aliasesOf(values), description: textOf(values, 'description')!, sources: [source.id] };
    const side = textOf(values, 'side');
    const { dispute } = ctx.knowledge;
    // A side's list is a plain list of ids, replaced whole by a patch: give the whole new list.
    const joins = side === 'unions' ? { unions: [...dispute.unions, id] } : side === 'employers' ? { employers: [...dispute.employers, id] } : undefined;
    return {
      ok: true,
      title: `New party: ${shortName}`,
      unverified: flagged(values, 'unverified'),
      patch: { ...(source.entry ? { sources: [source.entry] } : {}), parties: [party], ...(joins ? { dispute: joins } : {}) },
      fieldOf: (path) => sourceFieldOf(path) ?? (/^dispute/.test(path) ? 'side' : (/\.(shortName|kind|aliases|description)/.exec(path)?.[1] ?? 'name')),
    };
  },
};
