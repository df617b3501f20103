import type { Knowledge } from '../knowledge/knowledge.js';
import type { StanceKindName } from '../knowledge/schema.js';
import type { QuestionAnalysis } from './analyze-question.js';
import { sentenceOf, type Scored } from './score-candidates.js';

const AGAINST_ASKED = /\b(drop|dropped|dropping|give up|gave up|abandon|abandoned|back off|backed off|walk away|walked away|reject|rejected|rejecting|refuse|refused|refusing|oppose|opposed|saying no|say no|said no|still no|cave|caved|fold|folded)\b/;
const FOR_STANCES = new Set<StanceKindName>(['demands', 'supports', 'accepts', 'counters', 'open']);
const AGAINST_STANCES = new Set<StanceKindName>(['rejects', 'refuses-to-discuss', 'objects']);
// A fact that says something did not happen covers the question's words without saying yes ("did not answer reporters").
const NEGATED = /\b(did not|didn't|has not|hasn't|have not|had not|no immediate|declined to|would not|will not|not yet)\b/i;
const TIMES_OF_DAY = ['morning', 'afternoon', 'evening', 'night', 'noon', 'midday', 'lunchtime'];

/**
 * The yes or no that leads the answer to a yes/no question, decided from the chosen facts: a guessed place, day or
 * time of day the facts contradict is a no; a stance is a yes or a no by which way the question leans; a fact that
 * covers every word the question asks about is a yes. Undecided questions get the facts without a lead.
 */
export function yesNoLead(knowledge: Knowledge, q: QuestionAnalysis, chosen: Scored[]): string | undefined {
  if (!q.yesNo || chosen.length === 0) return undefined;
  const best = chosen[0]!;
  const said = chosen.map(sentenceOf).join(' ').toLowerCase();
  if (q.places.length > 0) return `No, not in ${titleCase(q.places.join(' '))}.`;
  const day = q.days.find((d) => d.relation === 'on');
  if (day) return chosen.some((s) => s.candidate.date?.endsWith(day.monthDay)) ? 'Yes.' : `No, not on ${day.label}.`;
  const timeAsked = TIMES_OF_DAY.find((t) => new RegExp(`\\b${t}\\b`).test(q.text));
  if (timeAsked && best.facet === 'when') return said.includes(timeAsked) ? 'Yes.' : `No, not at ${timeAsked}.`;
  const stance = stanceOf(knowledge, best);
  if (stance && best.facet === 'stance') {
    const leansAgainst = AGAINST_ASKED.test(q.text);
    if (FOR_STANCES.has(stance)) return leansAgainst ? 'No.' : 'Yes.';
    if (AGAINST_STANCES.has(stance)) return leansAgainst ? 'Yes.' : 'No.';
    return 'No position has been reported.';
  }
  const covered = q.terms.filter((t) => best.candidate.terms.has(t)).length;
  if (q.evidence.length === 0 && q.terms.length > 0 && covered / q.terms.length >= 0.6 && !NEGATED.test(sentenceOf(best))) return 'Yes.';
  return undefined;
}

/** The stance a stance candidate states ("stance:<proposal>:<party>"). */
function stanceOf(knowledge: Knowledge, s: Scored): StanceKindName | undefined {
  const [kind, proposalId, partyId] = s.candidate.id.split(':');
  if (kind !== 'stance') return undefined;
  return knowledge.proposals.get(proposalId ?? '')?.stances.find((st) => st.party === partyId)?.stance;
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
