/** The news modules' public API: quote attribution, speakers, question reading and coverage comparison. */
export { extractStatements, type Statement } from './attribution.js';
export { compareCoverage, type ComparablePassage, type CompareOptions, type CoverageComparison, type OnlyIn, type OutletCoverage } from './compare.js';
export { INSTITUTIONS, type SpeakerDirectory, type SpeakerEntry, type SpeakerKind } from './directory.js';
export { groupStatements, idfWeights, type GroupOptions, type StatementCarrier, type StatementGroup, type Weights } from './groupStatements.js';
export { findMentions, type Mention } from './mentions.js';
export { buildNewsIndex, inOutlet, statementsAbout, statementsBy, type NewsIndex } from './newsIndex.js';
export { buildQuestionContext, type QuestionContext } from './questionContext.js';
export { buildSpeakerDirectory, listSpeakers, resolveSpeaker, type SpeakerMatch } from './speakers.js';
