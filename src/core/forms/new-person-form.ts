import { checkValues } from './form-checks.js';
import { partyChoices } from './form-choices.js';
import { flagged, flagsField } from './form-flags.js';
import { newId, takenIds } from './form-ids.js';
import { textOf, withInitial, type FormSpec } from './form-model.js';
import { pickSource, sourceFieldOf, sourceFields } from './form-source.js';
import { aliasesOf, ALIASES_FIELD } from './form-aliases.js';

/** "New person": someone the reporting names (an executive, a negotiator), with their party and role. */
export const newPersonForm: FormSpec = {
  name: 'new-person',
  title: 'New person',
  fields: (ctx, prefill) =>
    withInitial(
      [
        { key: 'name', label: 'Name', kind: 'text', required: true, max: 100, placeholder: 'Dana Okafor' },
        ALIASES_FIELD,
        { key: 'party', label: 'Party they belong to', kind: 'select', required: true, choices: partyChoices(ctx.knowledge) },
        { key: 'role', label: 'Role', kind: 'text', required: true, max: 150, placeholder: 'Chief negotiator for the guild' },
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
    const id = newId(name, taken, 'person');
    const person = { id, name, aliases: aliasesOf(values), party: textOf(values, 'party')!, role: textOf(values, 'role')!, sources: [source.id] };
    return {
      ok: true,
      title: `New person: ${name}`,
      unverified: flagged(values, 'unverified'),
      patch: { ...(source.entry ? { sources: [source.entry] } : {}), people: [person] },
      fieldOf: (path) => sourceFieldOf(path) ?? (/\.party/.test(path) ? 'party' : /\.role/.test(path) ? 'role' : /\.aliases/.test(path) ? 'aliases' : 'name'),
    };
  },
};
