import { PACK_FILES, type Pack } from './schema.js';
import type { PackProblem } from './pack-error.js';

type Section = keyof typeof PACK_FILES;

/** Finds duplicate ids and references to ids that do not exist anywhere in the pack. */
export function checkCrossReferences(pack: Pack): PackProblem[] {
  const problems: PackProblem[] = [];
  const ids = (list: { id: string }[], section: Section) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id)) problems.push({ file: PACK_FILES[section], path: `[${i}].id`, problem: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
    return seen;
  };
  const sources = ids(pack.sources, 'sources');
  const parties = ids(pack.parties, 'parties');
  const people = ids(pack.people, 'people');
  const proposals = ids(pack.proposals, 'proposals');
  const events = ids(pack.events, 'events');
  ids(pack.statements, 'statements');
  const speakers = new Set([...people, ...parties]);

  const expect = (known: Set<string>, what: string, section: Section, path: string, id: string | undefined) => {
    if (id !== undefined && !known.has(id)) problems.push({ file: PACK_FILES[section], path, problem: `unknown ${what} "${id}"` });
  };
  const expectSources = (section: Section, path: string, list: string[]) =>
    list.forEach((id, i) => expect(sources, 'source', section, `${path}.sources[${i}]`, id));

  const d = pack.dispute;
  expectSources('dispute', '', d.sources);
  d.unions.forEach((id, i) => expect(parties, 'party', 'dispute', `unions[${i}]`, id));
  d.employers.forEach((id, i) => expect(parties, 'party', 'dispute', `employers[${i}]`, id));
  d.statusHistory.forEach((s, i) => expectSources('dispute', `statusHistory[${i}]`, s.sources));
  d.keyDates.forEach((s, i) => expectSources('dispute', `keyDates[${i}]`, s.sources));
  if (d.contractExpiry) expectSources('dispute', 'contractExpiry', d.contractExpiry.sources);
  if (d.nextContact) expectSources('dispute', 'nextContact', d.nextContact.sources);
  if (d.contract) expectSources('dispute', 'contract', d.contract.sources);
  expect(events, 'event', 'dispute', 'lastContact.event', d.lastContact.event);
  if (d.keyIssues) {
    d.keyIssues.proposals.forEach((id, i) => expect(proposals, 'proposal', 'dispute', `keyIssues.proposals[${i}]`, id));
    expectSources('dispute', 'keyIssues', d.keyIssues.sources);
  }

  pack.sources.forEach((s, i) => expect(sources, 'source', 'sources', `[${i}].via`, s.via));
  pack.parties.forEach((p, i) => expectSources('parties', `[${i}]`, p.sources));
  pack.people.forEach((p, i) => {
    expect(parties, 'party', 'people', `[${i}].party`, p.party);
    expectSources('people', `[${i}]`, p.sources);
  });
  pack.proposals.forEach((p, i) => {
    expect(parties, 'party', 'proposals', `[${i}].proposedBy`, p.proposedBy);
    expectSources('proposals', `[${i}]`, p.sources);
    p.stances.forEach((s, j) => {
      expect(parties, 'party', 'proposals', `[${i}].stances[${j}].party`, s.party);
      expectSources('proposals', `[${i}].stances[${j}]`, s.sources);
    });
    if (p.outcome) expectSources('proposals', `[${i}].outcome`, p.outcome.sources);
    p.history.forEach((m, j) => {
      expect(parties, 'party', 'proposals', `[${i}].history[${j}].party`, m.party);
      expectSources('proposals', `[${i}].history[${j}]`, m.sources);
    });
  });
  pack.events.forEach((e, i) => {
    e.participants.forEach((id, j) => expect(speakers, 'person or party', 'events', `[${i}].participants[${j}]`, id));
    e.proposals.forEach((id, j) => expect(proposals, 'proposal', 'events', `[${i}].proposals[${j}]`, id));
    expectSources('events', `[${i}]`, e.sources);
  });
  pack.statements.forEach((s, i) => {
    expect(speakers, 'person or party', 'statements', `[${i}].speaker`, s.speaker);
    expect(parties, 'party', 'statements', `[${i}].party`, s.party);
    s.proposals.forEach((id, j) => expect(proposals, 'proposal', 'statements', `[${i}].proposals[${j}]`, id));
    expectSources('statements', `[${i}]`, s.sources);
  });
  return problems;
}
