/**
 * Abbreviations whose full stop does not end a sentence ("Mr. Trump", "Gen. Smith", "the U.S. envoy").
 * Data only; the sentence splitter (src/text/sentences.ts) is built from it.
 */
import { ABBREVIATED_HONORIFICS } from './honorifics.js';

/** Titles written short before a name. */
const TITLE_ABBREVIATIONS = ['St', 'Gen', 'Col', 'Lt', 'Sgt', 'Rev', 'Prof', 'Gov', 'Sen', 'Rep', 'Capt', 'Cmdr', 'Adm'];

/** Other short forms news copy writes with full stops, as written without the final one ("U.S" for "U.S."). */
const OTHER_ABBREVIATIONS = ['No', 'vs', 'etc', 'U.S', 'U.K', 'U.N', 'E.U', 'e.g', 'i.e'];

/** Every abbreviation, without its final full stop. */
export const ABBREVIATIONS: readonly string[] = [...ABBREVIATED_HONORIFICS, ...TITLE_ABBREVIATIONS, ...OTHER_ABBREVIATIONS];

/**
 * Acronyms of common nouns, which name no one ("any joint HQ planned?", "will MPs vote?"): never an unknown name. Data
 * only.
 */
export const COMMON_ACRONYMS: ReadonlySet<string> = new Set([
  'HQ', 'HQs', 'MP', 'MPs', 'PM', 'PMs', 'TV', 'CEO', 'CEOs', 'GDP', 'FAQ', 'ETA', 'ASAP', 'ID', 'IDs', 'AI', 'POW', 'POWs', 'VIP', 'VIPs', 'PR', 'Q&A',
  'DM', 'DMs', 'PS', 'TL', 'DR', 'TLDR', 'AKA', 'RSVP', 'UAV', 'UAVs', 'APC', 'APCs', 'IED', 'IEDs', 'AA', 'NCO', 'NCOs', 'CO', 'OC', 'SAM', 'SAMs',
]);
