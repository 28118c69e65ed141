/**
 * The shorthand people type in chat, with the words it stands for: read before a question is understood,
 * so "how many ppl attended" asks about people and "wen was it signed" asks when. Only forms that mean one
 * thing in a question; names and roles ("pm", "potus") are read elsewhere. Data only.
 */
export const CHAT_SHORTHAND: Readonly<Record<string, string>> = {
  ppl: 'people',
  ppls: 'people',
  peeps: 'people',
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  wat: 'what',
  wot: 'what',
  wut: 'what',
  wen: 'when',
  wer: 'where',
  abt: 'about',
  bout: 'about',
  govt: 'government',
  gov: 'government',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  nxt: 'next',
  rn: 'right now',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  w: 'with',
  'w/': 'with',
  wiv: 'with',
  thru: 'through',
  tho: 'though',
  dunno: "don't know",
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'got to',
  wht: 'what',
  whos: "who's",
  whats: "what's",
  hows: "how's",
  wheres: "where's",
  ukr: 'Ukraine',
  intl: 'international',
  convo: 'conversation',
  info: 'information',
  prez: 'president',
  pres: 'president',
};

/**
 * Compounds people write apart, joined as copy writes them ("trump's son in law" is his son-in-law), and titles written
 * as acronyms, written out as copy writes them ("POTUS" is the US President), in any case. Data only.
 */
export const SPELT_APART: Readonly<Record<string, string>> = {
  potus: 'the US President',
  flotus: 'the US First Lady',
  'son in law': 'son-in-law',
  'sons in law': 'sons-in-law',
  'daughter in law': 'daughter-in-law',
  'father in law': 'father-in-law',
  'mother in law': 'mother-in-law',
  'brother in law': 'brother-in-law',
  'sister in law': 'sister-in-law',
  mideast: 'Middle East',
  'downing st': 'Downing Street',
  no10: 'Number 10',
  'number ten': 'Number 10',
  'no ten': 'Number 10',
};

/**
 * Chat words that carry no content: read as neither the coverage's words nor unknown ones ("wtf are the
 * binding commitments lol"). Data only.
 */
export const CHAT_FILLERS: ReadonlySet<string> = new Set(
  'lol lmao lmfao rofl haha hahaha hehe ngl tbh imo imho idk btw fyi eli5 omg omfg wtf smh pls plz thx thnx ty tysm ok okay k kk gm yo bro fam innit nah yeah yep yea ya yup hmm hm pfft'.split(' '),
);
