/**
 * Words that carry no topic of their own: question words, function words and everyday verbs.
 * A question made only of these and known terms can be answered; any other word is a topic the
 * knowledge does not cover, and the bot says so instead of guessing.
 */
export const GENERAL_WORDS = new Set(
  `a about above actually again against ago all already also am an and any anybody anyone anything are aren around as ask asked
  at be because been being below between both but by can cannot could couldn currently did didn do does doesn doing don done
  down during each either else even ever every exactly explain far few for from further get gets getting give given go goes going gone got
  had hadn has hasn have haven having he her here hers herself him himself his how i if im in into is isn it its itself just kind know
  known let like likely lot made make many may me mean means might mine more most much must my myself need no nobody none nor not nothing
  now of off often oh ok okay on once one only or other others our ours ourselves over own please pls pretty quick quickly quite rather
  re really right said same say says see seem seems shall she should shouldn show since so some somebody someone something sort still
  such summarize summarise summary sure tell than thank thanks that thats the their theirs them themselves then there these they thing things
  think this those though through thus to today too toward towards u under until up upon us very via was wasn way we
  well were weren what whats whatever when whenever where whereas whether which while who whom whose why will with within without won
  would wouldn yet you your yours yourself yourselves hi hey hello bot strikewire info information details detail tldr quick brief
  briefly short currently current right now exact exactly overall general basically happen happens happened happening news update
  updates latest new recent recently status situation going state stand standing stands side sides position positions stance view want wants wanted
  feel feels felt deal thoughts take make really talk talking talked spoke speak they've we've i've you've they're we're
  you're isn't don't doesn't didn't won't can't finally eventually officially keep keeps kept repeatedly big biggest main major key else besides based willing unwilling gotten bring
  brought caused come came coming sit sat another scheduled plan planned plans neither whole anymore ask asking asks asked
  part parts bit kind anyone point points mention mentioned mentions bring brings stuff guys folks everyone everybody
  theyve youre dont didnt doesnt wont cant isnt arent wasnt werent hasnt havent whos wheres hows thats theres im ive hes shes
  weve theyre youve wouldnt couldnt shouldnt aint lol lmao rn ppl pls plz thx ty btw fyi imo imho tbh idk afaik qs ur gonna
  wanna gotta kinda sorta lemme gimme dunno tho thru abt bc cuz cos yo yep yeah nope nah ok okay hmm ugh wow omg quick q
  remind remember forget saw see seen hear heard read wonder curious guess look looking seem seemed try
  tried trying lead led need needed understand confirm check mean meant find found learn care reckon suppose believe
  recall catch caught miss missed clarify figure follow following summarise wrap overview rundown breakdown gist context
  background story deal stuff situation anything something someone somebody everything total totally maybe perhaps possibly
  probably definitely certainly seriously honestly literally basically simply generally ultimately currently anyway anyhow
  here there where also too either neither whether though although still yet already soon later earlier ago lately`.split(/\s+/).filter(Boolean),
);

/**
 * Everyday phrasings mapped to the words the knowledge uses, so "talks", "bargaining" and "sit-down"
 * all find the meeting. Keys and values are lower-case words; values may be several words.
 */
export const SYNONYMS: Record<string, string> = {
  talks: 'negotiations meeting',
  bargaining: 'negotiations meeting',
  negotiation: 'negotiations',
  sitdown: 'meeting',
  summit: 'meeting',
  session: 'meeting',
  gathering: 'meeting',
  walkout: 'strike',
  stoppage: 'strike',
  striking: 'strike',
  strikes: 'strike',
  boss: 'chief executive',
  head: 'chief executive',
  leader: 'chief',
  leads: 'chief',
  ceo: 'chief executive',
  lawyer: 'counsel',
  attorney: 'counsel',
  lead: 'chief',
  negotiator: 'negotiator',
  compensation: 'pay',
  money: 'pay',
  ratings: 'viewership',
  audience: 'viewership',
  healthcare: 'health',
  medical: 'health',
  insurance: 'health',
  atmosphere: 'mood',
  vibe: 'mood',
  tone: 'mood',
  tense: 'mood',
  tension: 'mood',
  tensions: 'mood',
  friendly: 'mood',
  hostile: 'mood',
  cordial: 'mood',
  reconvene: 'next',
  resume: 'next restart',
  previous: 'before',
  prior: 'before',
  earlier: 'before',
  quote: 'said',
  remark: 'said',
  remarks: 'said',
  comment: 'said',
  comments: 'said',
  statement: 'said',
  location: 'where',
  hq: 'headquarters',
  headquarter: 'headquarters',
  office: 'headquarters',
  offices: 'headquarters',
  react: 'response irked',
  reacted: 'response irked',
  reaction: 'response irked',
  affect: 'complicating',
  affects: 'complicating',
  affected: 'complicating',
  hurt: 'harm',
  hurting: 'harm',
  suffering: 'harm',
  recap: 'summary',
  readout: 'summary',
  runs: 'chief executive',
  run: 'chief executive',
  back: 'return',
  out: 'strike',
  caused: 'because arising created',
  causes: 'because arising created',
  raise: 'raised',
  raising: 'raised',
  venue: 'where',
  held: 'where',
  rumours: 'rumors',
  rumour: 'rumors',
  honour: 'honor',
  honouring: 'honoring',
  labour: 'labor',
  rooms: 'room',
  showrunners: 'writers',
  scribes: 'writers',
  hollywood: 'studios',
  employers: 'studios',
  companies: 'studios',
  alliance: 'amptp',
  email: 'message',
  letter: 'message',
  memo: 'message',
  wrote: 'message',
  upset: 'irked',
  angry: 'irked',
  annoyed: 'irked',
  bothered: 'irked',
  frustrated: 'irked',
  offended: 'irked',
  mayor: 'mayor',
  economy: 'economic',
  unions: 'union',
  job: 'role',
  title: 'role',
  role: 'role',
  budge: 'bend',
  compromise: 'bend',
  movement: 'bend',
  progress: 'stalemate',
  impasse: 'stalemate',
  deadlock: 'stalemate',
  standoff: 'stalemate',
  stuck: 'stalemate',
};

/** Idioms rewritten before matching, so their words are not read literally ("in the room" is not about writers' rooms). */
export const PHRASES: [RegExp, string][] = [
  [/\b(in|into) the room\b/g, 'at the meeting'],
  [/\b(sit|sat|sitting) down\b|\bsit-down\b/g, 'meeting'],
  [/\bnon starters?\b|\bnonstarters?\b/g, 'non-starter'],
  [/\bhow come\b/g, 'why'],
  [/\b(bring|bringing|brought|come|came|comes|coming) up\b/g, 'raised'],
  [/\bchange things\b|\bchange anything\b/g, 'complicating'],
  [/\b(put|send|sent|putting) (anything|something|a statement|a message)? ?out\b/g, 'sent message'],
];
