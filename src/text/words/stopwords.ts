/**
 * The stopwords: words that say nothing about what a text is about, dropped by lexical search,
 * duplicate grouping, answer sentence picking, abstention and statement comparison alike. Folded
 * and lower case, as tokens.ts produces them. Function words are listed here; honorifics ("mr",
 * "sir") and reporting filler ("said", "told", "added", "according") come from their own lists.
 */
import { STOP_HONORIFICS } from './honorifics.js';
import { SPEECH_VERBS, verbForms } from './speechVerbs.js';

const FUNCTION_WORDS =
  'a about above after again against all also although am an and any are as at be because been before being below ' +
  'between both but by can could did do does doing down during each few for from further had has have having he her ' +
  'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of ' +
  'off on once only onto or other our ours ourselves out over own same shall she should so some such than that the ' +
  'their theirs them themselves then there these they this those though through to too under until up us very was we ' +
  'were what when where which while who whom whose why will with without would yet you your yours yourself yourselves';

/** What is left of contractions and possessives once split: "don't" -> "t", "we'll" -> "ll". */
const CONTRACTION_PARTS = 's t ll re ve d m';

/** Contractions typed without their apostrophe ("whats", "dont"): function words still. */
const CONTRACTIONS_RUN_TOGETHER = 'whats hows wheres whos whens whys thats theres heres im ive id youre youve theyre theyve dont doesnt didnt isnt arent wasnt werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt';

/** Vague words of speech and thought, and intensifiers ("really", "actually"), that carry no topic. */
const FILLER = 'actually anything everything get got know really something thing things think thinks want wants';

export const STOPWORDS: ReadonlySet<string> = new Set([
  ...`${FUNCTION_WORDS} ${CONTRACTION_PARTS} ${CONTRACTIONS_RUN_TOGETHER} ${FILLER}`.split(/\s+/),
  ...STOP_HONORIFICS.map((h) => h.toLowerCase()),
  ...verbForms(SPEECH_VERBS.filter((v) => v.filler)),
]);
