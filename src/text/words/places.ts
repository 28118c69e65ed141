/**
 * Countries and bodies, each with the names, adjectives, demonyms and short forms copy uses for it,
 * under one key: "the UK", "Britain", "British" and "Great Britain" are all `britain`. Lower case.
 * Data only. What is specific to one topic (the capitals and places its coverage uses for countries:
 * "Kyiv's head of state") is in the topic profile (src/topic/profile.ts); src/news/places.ts joins the two.
 */
export const COUNTRY_FORMS: Readonly<Record<string, readonly string[]>> = {
  ukraine: ['ukraine', 'ukrainian', 'ukrainians'],
  france: ['france', 'french', 'french republic', 'hexagon', 'hexagone'],
  britain: ['britain', 'british', 'uk', 'u.k.', 'united kingdom', 'great britain', 'england', 'english', 'brits', 'brit', 'gb', 'blighty', 'britannia', 'westminster', 'whitehall', 'hmg', "his majesty's government", 'her majesty’s government', "his majesty’s government"],
  russia: ['russia', 'russian', 'russians', 'russian federation'],
  us: ['us', 'usa', 'u.s.', 'u.s.a.', 'america', 'american', 'americans', 'united states', 'united states of america', 'yanks', 'yank', 'uncle sam', 'washington dc', 'dc'],
  germany: ['germany', 'german', 'germans', 'federal republic of germany'],
  denmark: ['denmark', 'danish', 'danes'],
  china: ['china', 'chinese'],
  italy: ['italy', 'italian', 'italians'],
  poland: ['poland', 'polish', 'poles'],
  spain: ['spain', 'spanish'],
  netherlands: ['netherlands', 'dutch', 'holland'],
  turkey: ['turkey', 'turkish', 'turks'],
  canada: ['canada', 'canadian', 'canadians'],
  japan: ['japan', 'japanese'],
  india: ['india', 'indian'],
  israel: ['israel', 'israeli', 'israelis'],
  iran: ['iran', 'iranian', 'iranians'],
  belarus: ['belarus', 'belarusian'],
  greenland: ['greenland', 'greenlandic'],
};

/**
 * Adjectives of regions and directions, capitalised in copy and questions ("the Arctic island", "Western soldiers",
 * "the transatlantic alliance"): they describe, and name no one. Lower case. Data only.
 */
export const REGION_ADJECTIVES: ReadonlySet<string> = new Set([
  'western', 'eastern', 'northern', 'southern', 'arctic', 'antarctic', 'atlantic', 'transatlantic', 'pacific', 'baltic', 'nordic',
  'balkan', 'mediterranean', 'continental', 'central', 'european', 'middle', 'far',
  // The compass points as regions ("did the West agree"): a region, not a name the coverage lacks.
  'west', 'east', 'north', 'south',
  // Seas and straits between countries ("our neighbours across the Channel"; the oceans are above).
  'channel',
]);

/** International bodies, keyed like countries: copy uses them the same way ("EU leaders", "the European Union's"). */
export const BODY_FORMS: Readonly<Record<string, readonly string[]>> = {
  europe: ['europe', 'european', 'europeans', 'eu', 'european union', 'brussels'],
  nato: ['nato', 'north atlantic treaty organization', 'north atlantic alliance'],
  un: ['un', 'united nations', 'security council'],
  g7: ['g7', 'group of seven'],
  g20: ['g20'],
  imf: ['imf', 'international monetary fund'],
  osce: ['osce'],
  opec: ['opec'],
};
