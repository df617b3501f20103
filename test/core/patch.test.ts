import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/core/knowledge/load-pack.js';
import { Knowledge } from '../../src/core/knowledge/knowledge.js';
import { checkPatch } from '../../src/core/patch/check-patch.js';
import { WGA_2023_PACK_DIR } from '../../src/content/packs.js';

const PACK = loadPack(WGA_2023_PACK_DIR);
const NOW = new Date('2023-10-10T12:00:00Z');
const PROV = { updateId: 7, recordedAt: '2023-10-10T12:00:00.000Z', author: 'cli:test' };
const check = (raw: unknown, now = NOW) => checkPatch(PACK, raw, { now, provenance: PROV });
const problemsOf = (raw: unknown, now = NOW) => {
  const result = check(raw, now);
  if (result.ok) throw new Error('expected the patch to be refused');
  return result.problems.map((p) => `${p.path}: ${p.problem}`);
};

// Test data written for these tests: a fictional later source, party and person.
const SOURCE = { id: 'desk-wire-2023-10-09', outlet: 'Desk Test Wire', title: 'Members back the new contract', date: '2023-10-09', kind: 'press', url: 'https://example.org/desk/ratified' };
const PARTY = { id: 'dga', name: 'Directors Guild of America', shortName: 'DGA', kind: 'union', description: 'The union of film and TV directors, with its own contract talks.', sources: [SOURCE.id] };

describe('checkPatch: the pack format as the edit format', () => {
  it('adds a new party, person and proposal with the schema defaults and provenance, and a later stance merges per party', () => {
    const result = check({
      sources: [SOURCE],
      parties: [PARTY],
      people: [{ id: 'pat-doe', name: 'Pat Doe', party: 'dga', role: 'negotiator', sources: [SOURCE.id] }],
      proposals: [
        { id: 'tv-minimum-staffing', status: 'agreed', outcome: { text: 'Rooms get a floor that grows with the number of episodes.', date: '2023-09-24', sources: [SOURCE.id] }, stances: [{ party: 'amptp', stance: 'accepts', detail: 'The studios agreed to a staffing floor in the deal.', since: '2023-09-24', sources: [SOURCE.id] }] },
      ],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const k = new Knowledge(result.pack);
    expect(k.parties.get('dga')).toMatchObject({ aliases: [], updateId: 7, author: 'cli:test' });
    expect(k.people.get('pat-doe')?.aliases).toEqual([]);
    const staffing = k.proposals.get('tv-minimum-staffing')!;
    expect(staffing.status).toBe('agreed');
    expect(staffing.outcome?.text).toContain('floor');
    expect(staffing.stances.find((s) => s.party === 'amptp')?.stance).toBe('accepts');
    expect(staffing.stances.find((s) => s.party === 'wga')?.stance).toBe('demands');
    // The stance change becomes a move of the history, which digests report.
    expect(staffing.history.at(-1)).toMatchObject({ party: 'amptp', stance: 'accepts', date: '2023-09-24' });
    expect(staffing.history.length).toBe(PACK.proposals[0]!.history.length + 1);
    expect(result.changes.map((c) => c.what)).toEqual(expect.arrayContaining(['New party “Directors Guild of America” (dga)', 'amptp on “Minimum staffing in episodic TV”']));
    const stance = result.changes.find((c) => c.what === 'amptp on “Minimum staffing in episodic TV”')!;
    expect(stance.before).toBe('rejects (since Aug 4, 2023)');
    expect(stance.after).toBe('accepts (since Sept 24, 2023)');
  });

  it('appends status history, takes strike-ended and a contract whose end lies ahead, and null clears an optional field', () => {
    const result = check({
      sources: [SOURCE],
      dispute: {
        statusHistory: [{ status: 'strike-ended', since: '2023-09-27', sources: [SOURCE.id] }],
        contract: { from: '2023-09-25', to: '2026-05-01', sources: [SOURCE.id] },
        nextContact: null,
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const k = new Knowledge(result.pack);
    expect(k.currentStatus().status).toBe('strike-ended');
    expect(k.dispute.statusHistory.length).toBe(PACK.dispute.statusHistory.length + 1);
    expect(k.dispute.contract?.to).toBe('2026-05-01');
    expect(k.dispute.nextContact).toBeUndefined();
    expect(result.changes.find((c) => c.path === 'dispute.statusHistory')).toMatchObject({ before: 'On strike (since May 2, 2023)', after: 'Strike over, ratification pending (since Sept 27, 2023)' });
  });

  it('refuses unknown ids, missing fields, wrong types and dates after now, each named by its path in the patch', () => {
    const problems = problemsOf({
      sources: [{ ...SOURCE, date: '2023-10-12' }],
      people: [{ id: 'pat-doe', name: 'Pat Doe', role: 'negotiator', sources: [SOURCE.id] }],
      proposals: [{ id: 'tv-minimum-staffing', stances: [{ party: 'wga', stance: 'accepts', detail: 'x', since: '2023-09-24', sources: [SOURCE.id] }, { party: 'dga', stance: 'supports', detail: 'y', since: '2023-09-24', sources: [SOURCE.id] }] }],
      events: [{ id: 'tv-minimum-staffing-vote', date: 20230924 }],
    });
    expect(problems).toContain('sources[0].date: Oct 12, 2023 is in the future (today is at most Oct 11, 2023 anywhere)');
    expect(problems).toContain('events[0].date: Invalid input: expected string, received number');
    const shapeOk = problemsOf({
      sources: [SOURCE],
      people: [{ id: 'pat-doe', name: 'Pat Doe', role: 'negotiator', sources: [SOURCE.id] }],
      proposals: [{ id: 'tv-minimum-staffing', stances: [{ party: 'wga', stance: 'accepts', detail: 'x', since: '2023-09-24', sources: [SOURCE.id] }, { party: 'dga', stance: 'supports', detail: 'y', since: '2023-09-24', sources: ['nowhere'] }] }],
    });
    expect(shapeOk).toContain('people[0].party: required, and missing (a new entry must be complete)');
    // Schema problems come first; once the shape is right, the references are checked.
    const refs = problemsOf({
      sources: [SOURCE],
      proposals: [{ id: 'tv-minimum-staffing', stances: [{ party: 'wga', stance: 'accepts', detail: 'x', since: '2023-09-24', sources: [SOURCE.id] }, { party: 'dga', stance: 'supports', detail: 'y', since: '2023-09-24', sources: ['nowhere'] }] }],
    });
    expect(refs).toContain('proposals[0].stances[1].party: unknown party "dga"');
    expect(refs).toContain('proposals[0].stances[1].sources[0]: unknown source "nowhere"');
  });

  it('refuses a retract that would leave a dangling reference, naming what refers to it, and allows it once the referrer goes too', () => {
    const dangling = problemsOf({ retract: ['karen-bass'] });
    expect(dangling.some((p) => p.startsWith('retract[0]: cannot retract "karen-bass": ') && /(event|statement) "/.test(p))).toBe(true);
    expect(problemsOf({ retract: ['nobody-here'] })).toEqual(['retract[0]: there is no entry "nobody-here" to retract']);
    const referrers = [...PACK.events.filter((e) => e.participants.includes('karen-bass')).map((e) => e.id), ...PACK.statements.filter((s) => s.speaker === 'karen-bass').map((s) => s.id)];
    const result = check({ retract: [...referrers, 'karen-bass'] });
    expect(result.ok).toBe(true);
    if (result.ok) expect(new Knowledge(result.pack).people.has('karen-bass')).toBe(false);
  });

  it('treats the same URL, or the same outlet and title, as one source', () => {
    const known = PACK.sources[0]!;
    const first = check({ sources: [SOURCE] });
    if (!first.ok) throw new Error('the first patch is valid');
    const result = checkPatch(first.pack, {
      sources: [{ ...SOURCE, id: 'again-by-url', url: `${SOURCE.url}/`, title: 'Another headline' }, { ...SOURCE, id: 'again-by-title', url: null, outlet: known.outlet, title: ` ${known.title.toUpperCase()} ` }],
      events: [{ id: 'desk-test-event', date: '2023-10-09', title: 'A test event', text: 'Something a test wrote.', sources: ['again-by-url', 'again-by-title'] }],
    }, { now: NOW, provenance: { ...PROV, updateId: 8 } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const k = new Knowledge(result.pack);
    expect(k.sources.size).toBe(PACK.sources.length + 1);
    expect(k.events.find((e) => e.id === 'desk-test-event')?.sources).toEqual([SOURCE.id, known.id]);
    expect(result.changes.filter((c) => c.what.startsWith('Source')).map((c) => c.after)).toEqual([`not added again; the patch cites "${SOURCE.id}"`, `not added again; the patch cites "${known.id}"`]);
  });

  it('keeps ids unique across the whole pack, refuses provenance keys and non-web source addresses', () => {
    expect(problemsOf({ sources: [SOURCE], people: [{ id: 'wga', name: 'W', party: 'wga', role: 'r', sources: [SOURCE.id] }] })).toContain('people[0].id: id "wga" is already used by a party; ids are unique across the whole pack');
    expect(problemsOf({ events: [{ id: 'meeting-2023-08-04', unverified: false }] })).toEqual(['events[0]: Unrecognized key: "unverified"']);
    expect(problemsOf({ sources: [{ ...SOURCE, url: 'javascript:alert(1)' }] })).toEqual(['sources[0].url: a source address must start with http:// or https://']);
  });

  it('lets a later patch append to the lists of an entry an earlier patch added', () => {
    const first = check({ sources: [SOURCE], parties: [PARTY], proposals: [{ id: 'dga-deal', name: 'DGA deal', summary: 'The directors settle first.', proposedBy: 'dga', stances: [{ party: 'dga', stance: 'demands', detail: 'The directors ask for terms.', since: '2023-06-01', sources: [SOURCE.id] }], sources: [SOURCE.id] }] });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = checkPatch(first.pack, { proposals: [{ id: 'dga-deal', history: [{ date: '2023-06-03', party: 'dga', text: 'The directors reach a deal.', sources: [SOURCE.id] }] }] }, { now: NOW, provenance: { ...PROV, updateId: 8 } });
    expect(second.ok).toBe(true);
    if (second.ok) expect(new Knowledge(second.pack).proposals.get('dga-deal')?.history.map((m) => m.date)).toEqual(['2023-06-01', '2023-06-03']);
  });
});
