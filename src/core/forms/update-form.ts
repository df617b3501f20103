import type { FieldProblem } from '../updates/update-error.js';
import { checkValues } from './form-checks.js';
import { flagged } from './form-flags.js';
import { newId, takenIds } from './form-ids.js';
import { listOf, textOf, withInitial, type FormContext, type FormSpec, type FormValues } from './form-model.js';
import { pickSource, sourceFieldOf } from './form-source.js';
import { QUOTE_SLOTS, quoteKeys, STANCE_SLOTS, stanceKeys, updateFields } from './update-form-fields.js';

/** The quote as stored: inside “ and ”, whatever marks the editor typed around it. */
function printedQuote(text: string): string {
  return `“${text.replace(/^["“”'\s]+|["“”'\s]+$/g, '')}”`;
}

interface Parts {
  stances: { slot: number; party: string; stance: string; proposals: string[] }[];
  quotes: { slot: number; speaker: string; text: string }[];
  problems: FieldProblem[];
}

/** The filled stance and quote slots; a slot with one half filled is a problem under the missing half. */
function readSlots(values: FormValues): Parts {
  const parts: Parts = { stances: [], quotes: [], problems: [] };
  const touched = listOf(values, 'proposals');
  for (let n = 1; n <= STANCE_SLOTS; n++) {
    const k = stanceKeys(n);
    const party = textOf(values, k.party);
    const stance = textOf(values, k.stance);
    const proposals = listOf(values, k.proposals).length > 0 ? listOf(values, k.proposals) : touched;
    if (!party && !stance) continue;
    if (!party) parts.problems.push({ field: k.party, problem: 'name the party whose stance changed' });
    else if (!stance) parts.problems.push({ field: k.stance, problem: 'choose the new stance' });
    else if (proposals.length === 0) parts.problems.push({ field: k.proposals, problem: 'a stance change needs the proposals it is about' });
    else parts.stances.push({ slot: n, party, stance, proposals });
  }
  for (let n = 1; n <= QUOTE_SLOTS; n++) {
    const k = quoteKeys(n);
    const speaker = textOf(values, k.speaker);
    const text = textOf(values, k.text);
    if (!speaker && !text) continue;
    if (!speaker) parts.problems.push({ field: k.speaker, problem: 'name who said it' });
    else if (!text) parts.problems.push({ field: k.text, problem: 'write the words that were said' });
    else parts.quotes.push({ slot: n, speaker, text });
  }
  return parts;
}

/**
 * The update form: one development becomes a timeline event, its quotes statements, its stance changes entries in
 * each proposal's stances and history, and its status change, contract term and contact the dispute's.
 */
export const updateForm: FormSpec = {
  name: 'update',
  title: 'New update',
  fields: (ctx, prefill) => withInitial(updateFields(ctx), prefill),
  toPatch(values, ctx) {
    const problems = checkValues(this.fields(ctx), values, ctx.today);
    const slots = readSlots(values);
    problems.push(...slots.problems);
    const from = textOf(values, 'contract.from');
    const to = textOf(values, 'contract.to');
    if (Boolean(from) !== Boolean(to)) problems.push({ field: from ? 'contract.to' : 'contract.from', problem: 'give both ends of the contract term' });
    else if (from && to && to <= from) problems.push({ field: 'contract.to', problem: 'the contract must end after it starts' });
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, ...buildUpdatePatch(values, ctx, slots) };
  },
};

function buildUpdatePatch(values: FormValues, ctx: FormContext, slots: Parts) {
  const { knowledge } = ctx;
  const taken = takenIds(knowledge);
  const date = textOf(values, 'date')!;
  const title = textOf(values, 'title')!;
  const what = textOf(values, 'what')!;
  const source = pickSource(values, ctx, taken, date);
  if (!source.ok) return { ok: false as const, problems: [source.problem] };
  const sources = [source.id];
  const place = textOf(values, 'place');
  const touched = [...new Set([...listOf(values, 'proposals'), ...slots.stances.flatMap((s) => s.proposals)])];
  const eventId = newId(`${title} ${date}`, taken, 'event');
  const optional = (key: string) => (textOf(values, key) ? { [key]: textOf(values, key) } : {});
  const event = { id: eventId, date, title, text: what, ...optional('time'), ...optional('place'), ...optional('duration'), participants: listOf(values, 'participants'), proposals: touched, sources };
  const statements = slots.quotes.map((q) => {
    const party = knowledge.people.get(q.speaker)?.party;
    return { id: newId(`${knowledge.nameOf(q.speaker)} ${date}`, taken, 'statement'), speaker: q.speaker, ...(party ? { party } : {}), date, where: place ?? title, quote: printedQuote(q.text), context: title, proposals: touched, sources };
  });
  const byProposal = new Map<string, { id: string; stances: unknown[]; history: unknown[]; slots: number[] }>();
  for (const s of slots.stances) {
    for (const id of s.proposals) {
      const entry = byProposal.get(id) ?? { id, stances: [], history: [], slots: [] };
      entry.stances.push({ party: s.party, stance: s.stance, detail: what, since: date, sources });
      entry.history.push({ date, party: s.party, stance: s.stance, text: what, sources });
      entry.slots.push(s.slot);
      byProposal.set(id, entry);
    }
  }
  const status = textOf(values, 'status');
  const from = textOf(values, 'contract.from');
  const dispute = {
    ...(status ? { statusHistory: [{ status, since: date, sources }] } : {}),
    ...(from ? { contract: { from, to: textOf(values, 'contract.to'), sources } } : {}),
    ...(flagged(values, 'contact') ? { lastContact: { event: eventId } } : {}),
  };
  const proposals = [...byProposal.values()];
  return {
    title,
    unverified: flagged(values, 'unverified'),
    patch: {
      ...(source.entry ? { sources: [source.entry] } : {}),
      events: [event],
      ...(statements.length > 0 ? { statements } : {}),
      ...(proposals.length > 0 ? { proposals: proposals.map(({ slots: _slots, ...p }) => p) } : {}),
      ...(Object.keys(dispute).length > 0 ? { dispute } : {}),
    },
    fieldOf: (path: string) => updateFieldOf(path, slots, proposals),
  };
}

/** Which input a problem at a patch path belongs to, so it shows under the input the editor filled. */
function updateFieldOf(path: string, slots: Parts, proposals: { slots: number[] }[]): string {
  const source = sourceFieldOf(path);
  if (source) return source;
  const index = (prefix: string) => Number(new RegExp(`^${prefix}\\[(\\d+)\\]`).exec(path)?.[1] ?? 0);
  if (path.startsWith('statements')) {
    const slot = slots.quotes[index('statements')]?.slot ?? 1;
    return /speaker|party/.test(path) ? quoteKeys(slot).speaker : quoteKeys(slot).text;
  }
  if (path.startsWith('proposals')) {
    const entry = index('proposals');
    const inner = Number(/\.(?:stances|history)\[(\d+)\]/.exec(path)?.[1] ?? 0);
    const slot = proposals[entry]?.slots[inner] ?? slots.stances[0]?.slot ?? 1;
    return /\.stance$/.test(path) ? stanceKeys(slot).stance : stanceKeys(slot).party;
  }
  if (path.startsWith('dispute')) return path.includes('contract') ? 'contract.from' : path.includes('lastContact') ? 'flags' : 'status';
  const field = /^events\[\d+\]\.(\w+)/.exec(path)?.[1];
  return field === 'text' ? 'what' : field && ['title', 'date', 'time', 'place', 'participants', 'duration', 'proposals'].includes(field) ? field : 'title';
}
