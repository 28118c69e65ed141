/**
 * The verbs of speech, and the nouns for what someone said. Data only: the attribution rules
 * (src/news/speechVerbs.ts), the question rules that find whose words a question wants, the
 * stopword list and the words dropped when statements are compared are all built from these tables.
 */

export interface SpeechVerb {
  /** say, says, said, said (past participle), saying. */
  base: string;
  third: string;
  past: string;
  pastParticiple: string;
  ing: string;
  /**
   * How news copy reports speech with it: the statement is the verb's complement ("said the UK would
   * ...", "warned that ...") or the whole clause ("described the agreement as ...", "accused Putin of ...").
   * Absent: not read as an attribution in copy (questions still use it: "what did X think?").
   */
  reports?: 'complement' | 'clause';
  /** Copy also reports with the present tense: "says", "adds", "tells". */
  present?: boolean;
  /** "..., adding that ...": its -ing form adds a second statement by the same speaker. */
  adds?: boolean;
  /** "What did X say?", "What has X warned?": a question asks for someone's words with it. */
  asked?: boolean;
  /** Its forms in a question ask for statements ("what did X say", "X's views", "did X speak about"). */
  cue?: boolean;
  /** Reporting filler: says nothing about the topic, so a stopword ("said", "told", "added"). */
  filler?: boolean;
  /** Copy reports with it impersonally, inside what it reports: "..., it was revealed", "it was confirmed". */
  impersonal?: boolean;
}

type Flags = Omit<SpeechVerb, 'base' | 'third' | 'past' | 'pastParticiple' | 'ing'>;

/** `'say says said said saying'`; multi-word verbs separate their forms with `|`. */
function verb(forms: string, flags: Flags = {}): SpeechVerb {
  const [base, third, past, pastParticiple, ing] = (forms.includes('|') ? forms.split('|') : forms.split(' ')) as [string, string, string, string, string];
  return { base, third, past, pastParticiple, ing, ...flags };
}

export const SPEECH_VERBS: readonly SpeechVerb[] = [
  verb('say says said said saying', { reports: 'complement', present: true, adds: true, asked: true, cue: true, filler: true }),
  verb('add adds added added adding', { reports: 'complement', present: true, adds: true, asked: true, filler: true }),
  verb('tell tells told told telling', { reports: 'complement', present: true, asked: true, cue: true, filler: true }),
  verb('continue continues continued continued continuing', { reports: 'complement' }),
  verb('stress stresses stressed stressed stressing', { reports: 'complement', adds: true, asked: true }),
  verb('warn warns warned warned warning', { reports: 'complement', adds: true, asked: true, cue: true }),
  verb('insist insists insisted insisted insisting', { reports: 'complement', adds: true, asked: true }),
  verb('confirm confirms confirmed confirmed confirming', { reports: 'complement', adds: true, asked: true, impersonal: true }),
  verb('admit admits admitted admitted admitting', { reports: 'complement' }),
  verb('reveal reveals revealed revealed revealing', { reports: 'complement', asked: true, impersonal: true }),
  verb('argue argues argued argued arguing', { reports: 'complement', adds: true, asked: true }),
  verb('explain explains explained explained explaining', { reports: 'complement', adds: true }),
  verb('announce announces announced announced announcing', { reports: 'complement', asked: true, impersonal: true }),
  verb('declare declares declared declared declaring', { reports: 'complement' }),
  verb('note notes noted noted noting', { reports: 'complement', adds: true }),
  verb('claim claims claimed claimed claiming', { reports: 'complement', adds: true, asked: true, cue: true }),
  verb('suggest suggests suggested suggested suggesting', { reports: 'complement' }),
  verb('acknowledge acknowledges acknowledged acknowledged acknowledging', { reports: 'complement' }),
  verb('caution cautions cautioned cautioned cautioning', { reports: 'complement' }),
  verb('pledge pledges pledged pledged pledging', { reports: 'complement', asked: true }),
  verb('promise promises promised promised promising', { reports: 'complement', asked: true }),
  verb('vow vows vowed vowed vowing', { reports: 'complement' }),
  verb('emphasise emphasises emphasised emphasised emphasising', { reports: 'complement' }),
  verb('emphasize emphasizes emphasized emphasized emphasizing', { reports: 'complement' }),
  verb('reiterate reiterates reiterated reiterated reiterating', { reports: 'complement', adds: true }),
  verb('write writes wrote written writing', { reports: 'complement' }),
  verb('reply replies replied replied replying', { reports: 'complement', asked: true }),
  verb('concede concedes conceded conceded conceding', { reports: 'complement' }),
  verb('predict predicts predicted predicted predicting', { reports: 'complement' }),
  verb('maintain maintains maintained maintained maintaining', { reports: 'complement' }),
  verb('assert asserts asserted asserted asserting', { reports: 'complement' }),
  verb('make it clear|makes it clear|made it clear|made it clear|making it clear', { reports: 'complement' }),
  verb('make clear|makes clear|made clear|made clear|making clear', { reports: 'complement' }),
  verb('describe describes described described describing', { reports: 'clause', adds: true, asked: true, cue: true }),
  verb('accuse accuses accused accused accusing', { reports: 'clause', adds: true }),
  verb('dismiss dismisses dismissed dismissed dismissing', { reports: 'clause', adds: true }),
  verb('call calls called called calling', { reports: 'clause', adds: true, asked: true, cue: true }),
  verb('dub dubs dubbed dubbed dubbing', { reports: 'clause' }),
  verb('echo echoes echoed echoed echoing', { reports: 'clause' }),
  verb('urge urges urged urged urging', { reports: 'clause' }),
  verb('praise praises praised praised praising', { reports: 'clause' }),
  verb('criticise criticises criticised criticised criticising', { reports: 'clause' }),
  verb('criticize criticizes criticized criticized criticizing', { reports: 'clause' }),
  verb('welcome welcomes welcomed welcomed welcoming', { reports: 'clause' }),
  verb('hail hails hailed hailed hailing', { reports: 'clause' }),
  verb('brand brands branded branded branding', { reports: 'clause' }),
  // Not read as attributions in copy, but questions ask for someone's words with them.
  verb('comment comments commented commented commenting', { asked: true, cue: true }),
  verb('think thinks thought thought thinking', { asked: true, cue: true }),
  verb('mean means meant meant meaning', { asked: true }),
  verb('want wants wanted wanted wanting', { asked: true }),
  verb('respond responds responded responded responding', { asked: true, cue: true }),
  verb('react reacts reacted reacted reacting', { asked: true, cue: true }),
  verb('speak speaks spoke spoken speaking', { cue: true }),
  verb('quote quotes quoted quoted quoting', { cue: true }),
  verb('state states stated stated stating', { asked: true }),
  verb('characterise characterises characterised characterised characterising', { asked: true, cue: true }),
  verb('characterize characterizes characterized characterized characterizing', { asked: true, cue: true }),
  verb('portray portrays portrayed portrayed portraying', { asked: true, cue: true }),
  verb('hype hypes hyped hyped hyping', { asked: true, cue: true }),
  verb('frame frames framed framed framing', { asked: true }),
  // What a body does with a statement: "what did downing street put out", "what did the elysee release".
  verb('put out|puts out|put out|put out|putting out', { asked: true, cue: true }),
  verb('release releases released released releasing', { asked: true, cue: true }),
  verb('issue issues issued issued issuing', { asked: true, cue: true }),
];

/** Nouns for what someone said: "Kushner's comments", "the PM's remarks", "statements by Witkoff". */
export const STATEMENT_NOUNS: readonly string[] = [
  'comment',
  'remark',
  'statement',
  'quote',
  'word',
  'view',
  'position',
  'stance',
  'response',
  'reaction',
  'claim',
  'warning',
];

/**
 * What a body issues or speaks through, credited to it in copy: "a statement from Number 10", "a
 * summary of the agreement released by the Elysee", "a spokesman for the Kremlin".
 */
export const ISSUED_BY_NOUNS: readonly string[] = [
  'statement',
  'summary',
  'readout',
  'communique',
  'communiqué',
  'announcement',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'briefing',
];

/** Every form of each verb (the multi-word ones included), lower case. */
export function verbForms(verbs: readonly SpeechVerb[], which: readonly ('base' | 'third' | 'past' | 'pastParticiple' | 'ing')[] = ['base', 'third', 'past', 'pastParticiple', 'ing']): string[] {
  return [...new Set(verbs.flatMap((v) => which.map((w) => v[w])))];
}

/** The audience a verb like "told" names before what was said: "told reporters", "told the press conference". */
export const AUDIENCES: readonly string[] = [
  'press conference',
  'press',
  'reporters',
  'journalists',
  'the media',
  'media',
  'broadcasters',
  'MPs',
  'the Commons',
  'parliament',
  'lawmakers',
  'delegates',
  'the audience',
  'audience',
  'crowd',
  'summit',
  'meeting',
];
