import type { Pack } from '../src/core/knowledge/schema.js';

const WORDS = 'wage floor staffing residual streaming pension health overtime credit script revision option exclusivity minimum term rewrite pilot episode season showrunner writer producer studio network budget bonus royalty license library archive rerun feature sequel franchise'.split(' ');
const STANCES = ['demands', 'rejects', 'counters', 'refuses-to-discuss', 'accepts', 'open'] as const;

/** A deterministic synthetic pack of about `facts` facts and `proposals` proposals, for benchmarks. */
export function generatePack(facts = 10_000, proposalCount = 500): Pack {
  let seed = 42;
  const rand = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const phrase = (n: number) => Array.from({ length: n }, () => WORDS[rand(WORDS.length)]).join(' ');
  const day = (i: number) => new Date(Date.UTC(2023, 0, 1) + (i % 600) * 86_400_000).toISOString().slice(0, 10);
  const sources = Array.from({ length: 50 }, (_, i) => ({ id: `src-${i}`, outlet: `Outlet ${i}`, title: `Report ${i} on ${phrase(3)}`, date: day(i * 7), kind: 'press' as const }));
  const src = () => [`src-${rand(50)}`];
  const parties = Array.from({ length: 20 }, (_, i) => ({ id: `party-${i}`, name: `Party ${i} ${phrase(2)}`, shortName: `P${i}`, kind: i % 2 ? ('employer' as const) : ('union' as const), aliases: [`party${i}`], description: phrase(12), sources: src() }));
  const people = Array.from({ length: 200 }, (_, i) => ({ id: `person-${i}`, name: `Person${i} Surname${i}`, aliases: [`surname${i}`], party: `party-${i % 20}`, role: phrase(4), sources: src() }));
  const proposals = Array.from({ length: proposalCount }, (_, i) => ({
    id: `proposal-${i}`,
    name: `Proposal ${i} ${phrase(2)}`,
    aliases: [`prop${i}`],
    summary: phrase(20),
    proposedBy: `party-${(i * 2) % 20}`,
    status: 'open' as const,
    stances: [0, 1].map((k) => ({ party: `party-${(i * 2 + k) % 20}`, stance: STANCES[rand(STANCES.length)]!, detail: phrase(15), since: day(i), sources: src() })),
    history: [0, 1].map((k) => ({ date: day(i + k), party: `party-${(i * 2 + k) % 20}`, text: phrase(15), sources: src() })),
    keywords: [phrase(1), phrase(1)],
    sources: src(),
  }));
  const perProposal = 5; // the proposal, two stances and two moves
  const remaining = Math.max(0, facts - proposalCount * perProposal - parties.length - people.length);
  const events = Array.from({ length: Math.floor(remaining * 0.6) }, (_, i) => ({
    id: `event-${i}`, date: day(i), participants: [`person-${rand(200)}`, `party-${rand(20)}`], title: `Event ${i} ${phrase(3)}`, text: phrase(25), proposals: [`proposal-${rand(proposalCount)}`], keywords: [phrase(1)], sources: src(),
  }));
  const statements = Array.from({ length: remaining - events.length }, (_, i) => ({
    id: `statement-${i}`, speaker: `person-${rand(200)}`, date: day(i), where: phrase(4), quote: `“${phrase(8)}”`, context: phrase(15), proposals: [`proposal-${rand(proposalCount)}`], keywords: [], sources: src(),
  }));
  return {
    dispute: {
      id: 'synthetic', title: 'Synthetic benchmark dispute', summary: phrase(20), unions: ['party-0'], employers: ['party-1'],
      statusHistory: [{ status: 'strike', since: '2023-01-01', sources: src() }], keyDates: [], lastContact: { event: 'event-0' }, sources: src(),
    },
    sources, parties, people, proposals, events, statements,
  };
}
