/**
 * How close (cosine) the best passage must be for the coverage to count as answering, per embedder: the
 * figures differ from model to model, so each is calibrated on the question bank's dev split (never the
 * test split) and recorded here with the embedder's id. With an embedder not listed, no question is refused
 * or flagged for its similarity alone.
 *
 * all-MiniLM-L6-v2, dev split: off-topic questions ("btc price", "how tall is the eiffel tower") had a best
 * passage at 0.08-0.13 and every answerable one at 0.16 or more; with words that are neither the coverage's
 * nor English ("kemi badenoch", "tmrw"), unanswerable ones were below 0.20 and answerable ones above it.
 * Between 0.20 and 0.25 both kinds occur ("is pluto a planit" 0.24, "what weekday did the sumit happen" 0.24):
 * mixed evidence, so those are answered as weak matches rather than refused. Below `weak`, a question most
 * of whose content words (three in four) the coverage never uses was off-topic on dev ("who's the best
 * footballer of all time", "how old is taylor swift"); checked against the held-out set for refusals.
 * Between the floor and `weak`, answerable and unanswerable questions mix: answered, and said to be a weak match.
 */
export interface Calibration {
  /** Below this, nothing in the coverage is about the question: refuse. */
  offTopic: number;
  /** Below this, a question with words the coverage and English lack is about something the coverage never mentions: refuse. */
  unfamiliar: number;
  /** Below this, answer but say the match is weak. */
  weak: number;
  /** Below `weak`, a question at least this share of whose content words the coverage never uses is about something else: refuse. */
  foreignShare: number;
}

export const CALIBRATIONS: Readonly<Record<string, Calibration>> = {
  'transformers:Xenova/all-MiniLM-L6-v2': { offTopic: 0.15, unfamiliar: 0.2, weak: 0.27, foreignShare: 0.75 },
};

export function calibrationFor(embedderId: string): Calibration | null {
  return CALIBRATIONS[embedderId] ?? null;
}
