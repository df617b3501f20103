import { describe, expect, it } from 'vitest';
import { copiedWording } from '../../src/core/forms/copied-wording.js';
import { formRequest } from '../../src/core/forms/form-registry.js';
import { newPartyForm } from '../../src/core/forms/new-party-form.js';
import { newPersonForm } from '../../src/core/forms/new-person-form.js';
import { newProposalForm } from '../../src/core/forms/new-proposal-form.js';
import { settleProposalForm } from '../../src/core/forms/settle-proposal-form.js';
import { updateForm } from '../../src/core/forms/update-form.js';
import type { FormContext, FormResult, FormValues } from '../../src/core/forms/form-model.js';
import { Knowledge } from '../../src/core/knowledge/knowledge.js';
import { shippedContext } from '../support/core-context.js';

const ctx = shippedContext('2023-08-20T12:00:00Z');
const fctx: FormContext = { knowledge: ctx.knowledge, today: '2023-08-20' };
// A new source in our own words, for a fictional wire report.
const WIRE: FormValues = { 'source.outlet': 'Harbor Labor Wire', 'source.title': 'Guild names a new bargaining lead', 'source.url': 'https://example.org/harbor/lead', 'source.kind': 'press' };

function ok(result: FormResult) {
  if (!result.ok) throw new Error(`expected a patch, got ${JSON.stringify(result.problems)}`);
  return result;
}
const problemsOf = (result: FormResult) => (result.ok ? [] : result.problems);

describe('new person form', () => {
  it('offers only known parties and turns a submission into a person and a new source', () => {
    const party = newPersonForm.fields(fctx).find((f) => f.key === 'party')!;
    expect(party.choices!.map((c) => c.value)).toEqual([...ctx.knowledge.parties.keys()]);
    const r = ok(newPersonForm.toPatch({ name: 'Dana Okafor', aliases: 'Okafor, D. Okafor, Okafor', party: 'wga', role: 'Deputy negotiator for the guild', ...WIRE }, fctx));
    expect(r.patch.people).toEqual([{ id: 'dana-okafor', name: 'Dana Okafor', aliases: ['Okafor', 'D. Okafor'], party: 'wga', role: 'Deputy negotiator for the guild', sources: [r.patch.sources![0]!.id] }]);
    expect(r.patch.sources![0]).toMatchObject({ outlet: 'Harbor Labor Wire', date: '2023-08-20', kind: 'press', url: 'https://example.org/harbor/lead' });
    expect(r.unverified).toBe(false);
  });

  it('names the input at fault: a missing role, a forged party, no source', () => {
    expect(problemsOf(newPersonForm.toPatch({ name: 'Dana Okafor', party: 'dga', ...WIRE }, fctx))).toEqual([
      { field: 'party', problem: '“dga” is not one of the choices' },
      { field: 'role', problem: 'Role is required' },
    ]);
    expect(problemsOf(newPersonForm.toPatch({ name: 'Dana Okafor', party: 'wga', role: 'Negotiator' }, fctx))[0]?.field).toBe('source.outlet');
  });

  it('gives a second person of the same name a different id', () => {
    const r = ok(newPersonForm.toPatch({ name: 'Carol Lombardini', party: 'amptp', role: 'Namesake', ...WIRE }, fctx));
    expect(r.patch.people![0]!.id).toBe('carol-lombardini-2');
  });
});

describe('sources', () => {
  it('cites a known source again when the web address or the outlet and title match', () => {
    const known = { id: 'harbor-wire-lead', outlet: 'Harbor Labor Wire', title: 'An earlier report', date: '2023-08-10', kind: 'press' as const, url: 'https://example.org/harbor/earlier' };
    const withUrl: FormContext = { ...fctx, knowledge: new Knowledge({ ...ctx.knowledge.pack, sources: [...ctx.knowledge.pack.sources, known] }) };
    const byUrl = ok(newPersonForm.toPatch({ name: 'Dana Okafor', party: 'wga', role: 'Negotiator', 'source.outlet': 'Anything', 'source.title': 'Else', 'source.url': known.url }, withUrl));
    expect(byUrl.patch.sources).toBeUndefined();
    expect(byUrl.patch.people![0]!.sources).toEqual([known.id]);
    const shipped = [...ctx.knowledge.sources.values()][0]!;
    const byTitle = ok(newPersonForm.toPatch({ name: 'Dana Okafor', party: 'wga', role: 'Negotiator', 'source.outlet': shipped.outlet.toUpperCase(), 'source.title': shipped.title }, fctx));
    expect(byTitle.patch.people![0]!.sources).toEqual([shipped.id]);
  });

  it('cites a chosen known source, and refuses one the list did not offer', () => {
    const shipped = [...ctx.knowledge.sources.values()][0]!;
    expect(ok(newPersonForm.toPatch({ name: 'Dana Okafor', party: 'wga', role: 'Negotiator', 'source.existing': shipped.id }, fctx)).patch.people![0]!.sources).toEqual([shipped.id]);
    expect(problemsOf(newPersonForm.toPatch({ name: 'Dana Okafor', party: 'wga', role: 'Negotiator', 'source.existing': 'made-up' }, fctx))[0]?.field).toBe('source.existing');
  });
});

describe('new party form', () => {
  it('adds the party and puts it on the side chosen, keeping the side’s other members', () => {
    const r = ok(newPartyForm.toPatch({ name: 'Guild of Stage Technicians', shortName: 'GST', kind: 'union', side: 'unions', description: 'A fictional crafts union that joined the picket lines.', ...WIRE, flags: ['unverified'] }, fctx));
    expect(r.patch.parties![0]).toMatchObject({ id: 'gst', shortName: 'GST', kind: 'union' });
    expect(r.patch.dispute).toEqual({ unions: [...ctx.knowledge.dispute.unions, 'gst'] });
    expect(r.unverified).toBe(true);
  });
});

describe('new proposal form', () => {
  it('starts the proposal open with the proposer’s stance and the other side’s reaction', () => {
    const r = ok(newProposalForm.toPatch({ name: 'Limits on automated script drafts', summary: 'The guild asks that software-written drafts never count as source material.', proposedBy: 'wga', proposerStance: 'demands', 'other.party': 'amptp', 'other.stance': 'counters', 'other.detail': 'The studios offered yearly talks on the topic instead.', date: '2023-08-15', ...WIRE }, fctx));
    const p = r.patch.proposals![0]!;
    expect(p).toMatchObject({ id: 'limits-on-automated-script-drafts', status: 'open', proposedBy: 'wga' });
    expect((p.stances as { party: string; stance: string; since: string }[]).map((s) => [s.party, s.stance, s.since])).toEqual([['wga', 'demands', '2023-08-15'], ['amptp', 'counters', '2023-08-15']]);
    expect(r.fieldOf('proposals[0].stances[1].party')).toBe('other.party');
  });

  it('refuses a date after today and a stance without its party', () => {
    const problems = problemsOf(newProposalForm.toPatch({ name: 'X rule', summary: 'Something.', proposedBy: 'wga', proposerStance: 'demands', 'other.stance': 'rejects', date: '2023-09-01', ...WIRE }, fctx));
    expect(problems.map((p) => p.field).sort()).toEqual(['date', 'other.party']);
  });
});

describe('settle form', () => {
  it('offers open proposals and records the outcome with a history line', () => {
    const choices = settleProposalForm.fields(fctx).find((f) => f.key === 'proposal')!.choices!.map((c) => c.value);
    expect(choices).toEqual(ctx.knowledge.openProposals().map((p) => p.id));
    const r = ok(settleProposalForm.toPatch({ proposal: 'tv-minimum-staffing', status: 'agreed', outcome: 'Rooms get a staffing floor that grows with the season’s length.', date: '2023-08-19', ...WIRE }, fctx));
    expect(r.patch.proposals).toEqual([
      {
        id: 'tv-minimum-staffing',
        status: 'agreed',
        outcome: { text: 'Rooms get a staffing floor that grows with the season’s length.', date: '2023-08-19', sources: [r.patch.sources![0]!.id] },
        history: [{ date: '2023-08-19', party: 'wga', text: 'Rooms get a staffing floor that grows with the season’s length.', sources: [r.patch.sources![0]!.id] }],
      },
    ]);
    expect(r.title).toBe(`Agreed: ${ctx.knowledge.proposals.get('tv-minimum-staffing')!.name}`);
  });
});

describe('update form', () => {
  const base: FormValues = { title: 'Studios and guild trade offers', what: 'Both sides swapped written offers on staffing and pay over an afternoon session.', date: '2023-08-18', place: 'Sherman Oaks', time: 'afternoon', duration: 'four hours', participants: ['wga', 'amptp', 'carol-lombardini'], proposals: ['tv-minimum-staffing'], ...WIRE };

  it('carries several stance changes and quotes, the status, the contract term and the contact', () => {
    const r = ok(
      updateForm.toPatch(
        {
          ...base,
          'stance1.party': 'amptp',
          'stance1.stance': 'counters',
          'stance2.party': 'wga',
          'stance2.stance': 'rejects',
          'stance2.proposals': ['viewership-residual', 'tv-minimum-staffing'],
          'quote1.speaker': 'carol-lombardini',
          'quote1.text': '"We moved a long way today."',
          'quote2.speaker': 'wga',
          'quote2.text': 'Not far enough.',
          status: 'tentative-agreement',
          'contract.from': '2023-08-18',
          'contract.to': '2026-05-01',
          flags: ['contact'],
        },
        fctx,
      ),
    );
    const event = r.patch.events![0]!;
    expect(event).toMatchObject({ date: '2023-08-18', place: 'Sherman Oaks', time: 'afternoon', duration: 'four hours', participants: ['wga', 'amptp', 'carol-lombardini'] });
    expect(event.proposals).toEqual(['tv-minimum-staffing', 'viewership-residual']);
    expect(r.patch.statements!.map((s) => [s.speaker, s.party, s.quote])).toEqual([
      ['carol-lombardini', 'amptp', '“We moved a long way today.”'],
      ['wga', undefined, '“Not far enough.”'],
    ]);
    const stances = Object.fromEntries(r.patch.proposals!.map((p) => [p.id, (p.stances as { party: string; stance: string }[]).map((s) => `${s.party} ${s.stance}`)]));
    expect(stances).toEqual({ 'tv-minimum-staffing': ['amptp counters', 'wga rejects'], 'viewership-residual': ['wga rejects'] });
    expect(r.patch.dispute).toEqual({
      statusHistory: [{ status: 'tentative-agreement', since: '2023-08-18', sources: event.sources }],
      contract: { from: '2023-08-18', to: '2026-05-01', sources: event.sources },
      lastContact: { event: event.id },
    });
    // A problem the desk finds in the second stance points at that stance's inputs.
    expect(r.fieldOf('proposals[0].stances[1].party')).toBe('stance2.party');
    expect(r.fieldOf('statements[1].quote')).toBe('quote2.text');
    expect(r.fieldOf('events[0].text')).toBe('what');
  });

  it('names the missing half of a stance or quote, and a contract with one end', () => {
    const problems = problemsOf(updateForm.toPatch({ ...base, 'stance2.party': 'amptp', 'quote3.text': 'Words without a speaker.', 'contract.to': '2026-05-01' }, fctx));
    expect(problems.map((p) => p.field)).toEqual(['stance2.stance', 'quote3.speaker', 'contract.from']);
  });

  it('takes pathological text in linear time and says how long is too long', () => {
    const huge = `${'a '.repeat(60_000)}`;
    const problems = problemsOf(updateForm.toPatch({ ...base, title: huge, what: '<@U123> *bold* '.repeat(5000) }, fctx));
    expect(problems.map((p) => p.field)).toEqual(['title', 'what']);
  });
});

describe('copiedWording', () => {
  const article = ['The ferry authority said on Monday that it would not agree to any new rest rules for its crews this year.'];
  it('refuses twelve words in a row from the article in public text, and lets a paraphrase or a shorter echo through', () => {
    expect(copiedWording({ what: 'Officials: the ferry authority said on Monday that it would not agree to any new rest rules.' }, article)).toEqual([{ field: 'what', problem: expect.stringContaining('12 or more words') }]);
    expect(copiedWording({ what: 'The authority ruled out new rest rules this year.', title: 'it would not agree to any new rest rules' }, article)).toEqual([]);
    expect(copiedWording({ 'quote1.text': article[0]! }, article)).toEqual([]);
  });
});

describe('formRequest', () => {
  it('reads which form, and the proposal a settle names', () => {
    const person = formRequest('new', 'person', ctx);
    expect(person.ok && person.form.name).toBe('new-person');
    const settle = formRequest('settle', 'minimum staffing', ctx);
    expect(settle.ok && settle.prefill).toEqual({ proposal: 'tv-minimum-staffing' });
    expect(formRequest('settle', 'free pizza forever', ctx)).toMatchObject({ ok: false });
    expect(formRequest('new', 'spaceship', ctx)).toMatchObject({ ok: false });
  });
});
