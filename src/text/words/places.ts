/**
 * Countries and bodies, each with the names, adjectives, demonyms and short forms copy uses for it,
 * under one key: "the UK", "Britain", "British" and "Great Britain" are all `britain`. Lower case.
 * Data only. What is specific to one topic (the capitals and places its coverage uses for countries:
 * "Kyiv's head of state") is in the topic profile (src/topic/profile.ts); src/news/places.ts joins the two.
 */
export const COUNTRY_FORMS: Readonly<Record<string, readonly string[]>> = {
  ukraine: ['ukraine', 'ukrainian', 'ukrainians'],
  france: ['france', 'french'],
  britain: ['britain', 'british', 'uk', 'u.k.', 'united kingdom', 'great britain', 'england', 'english', 'brits'],
  russia: ['russia', 'russian', 'russians'],
  us: ['us', 'usa', 'u.s.', 'america', 'american', 'americans', 'united states'],
  germany: ['germany', 'german', 'germans'],
  denmark: ['denmark', 'danish', 'danes'],
};

/** International bodies, keyed like countries: copy uses them the same way ("EU leaders", "the European Union's"). */
export const BODY_FORMS: Readonly<Record<string, readonly string[]>> = {
  europe: ['europe', 'european', 'europeans', 'eu', 'european union'],
  nato: ['nato', 'north atlantic treaty organization'],
  un: ['un', 'united nations'],
};
