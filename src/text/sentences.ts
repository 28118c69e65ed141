const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentences of a text, by the Unicode sentence-boundary rules (Intl.Segmenter), trimmed, empty ones dropped. */
export function sentences(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment.trim()).filter((s) => s.length > 0);
}
