/**
 * The verbs news copy reports speech with. Two sorts: verbs whose complement is what was said
 * ("said the UK would ...", "warned that ..."), where the statement is the complement; and verbs that
 * report speech through their object ("described the agreement as ...", "accused Putin of ..."), where
 * the statement is the whole clause. Plus participles that add a second statement to a sentence
 * ("..., adding that ...") and the audience a verb like "told" names before its complement.
 */

const COMPLEMENT_VERBS = [
  'said',
  'says',
  'added',
  'adds',
  'told',
  'tells',
  'continued',
  'stressed',
  'warned',
  'insisted',
  'confirmed',
  'admitted',
  'revealed',
  'argued',
  'explained',
  'announced',
  'declared',
  'noted',
  'claimed',
  'suggested',
  'acknowledged',
  'cautioned',
  'pledged',
  'promised',
  'vowed',
  'emphasised',
  'emphasized',
  'reiterated',
  'wrote',
  'replied',
  'conceded',
  'predicted',
  'maintained',
  'asserted',
  'made it clear',
  'made clear',
];

const CLAUSE_VERBS = ['described', 'accused', 'dismissed', 'called', 'dubbed', 'echoed', 'urged', 'praised', 'criticised', 'criticized', 'welcomed', 'hailed', 'branded'];

const PARTICIPLES = [
  'adding',
  'saying',
  'describing',
  'calling',
  'reiterating',
  'insisting',
  'warning',
  'stressing',
  'noting',
  'claiming',
  'confirming',
  'arguing',
  'explaining',
  'accusing',
  'dismissing',
];

const COMPLEMENT = new Set(COMPLEMENT_VERBS);

/** Finite speech verb with optional auxiliary and adverb absorbed: "has confirmed", "also dismissed", "made it clear". */
export const SPEECH_VERB = new RegExp(
  `(?<=^|\\s)(?:(?:has|have|had)\\s+)?(?:(?:also|later|then|previously|earlier|again|repeatedly|further|today|yesterday|tonight)\\s+)?(${[
    ...COMPLEMENT_VERBS,
    ...CLAUSE_VERBS,
  ]
    .sort((a, b) => b.length - a.length)
    .map((v) => v.replace(/ /g, '\\s+'))
    .join('|')})(?=$|[\\s,.:;])`,
  'g',
);

/** "..., adding that", "while reiterating his previous comments that", "describing ... as". */
export const PARTICIPLE = new RegExp(`(?<=^|\\s)(?:while\\s+)?(${PARTICIPLES.join('|')})(?=\\s)`, 'g');

/** True when the statement is the verb's complement rather than the whole clause. */
export function takesComplement(verb: string): boolean {
  return COMPLEMENT.has(verb.replace(/\s+/g, ' ').toLowerCase());
}

/** The audience after "told" ("told the press conference", "told reporters"), dropped from the complement. */
export const AUDIENCE =
  /^\s*(?:the\s+)?(?:press conference|press|reporters|journalists|the media|media|broadcasters|MPs|the Commons|parliament|lawmakers|delegates|the audience|audience|crowd|summit|meeting|(?:\p{Lu}[\p{L}’']*\s?)+)(?=[\s,.:;]|$)/u;
