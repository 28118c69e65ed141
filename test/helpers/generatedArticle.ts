/** Made-up corpus text for tests and benchmarks that need a reindex to embed something new. */

/** A made-up article of `paragraphs` distinct paragraphs (each its own passage), new to the embedding cache. */
export function generatedArticle(paragraphs: number, seed = Date.now()): string {
  const subjects = ['The coordination cell', 'A logistics team', 'The engineering unit', 'An observer mission', 'The liaison office', 'A naval task group'];
  const verbs = ['will inspect', 'is expected to survey', 'plans to supply', 'would escort', 'has been asked to map', 'could relocate'];
  const objects = ['depots near the river port', 'rail junctions in the west', 'field hospitals by the border', 'radar sites on the coast', 'fuel stores outside the capital', 'training grounds in the north'];
  const body = Array.from({ length: paragraphs }, (_, i) => {
    const pick = <T>(list: T[], k: number): T => list[(i * k + seed) % list.length]!;
    return (
      `${pick(subjects, 7)} ${pick(verbs, 5)} ${pick(objects, 3)} in week ${i + 1} of the plan (reference ${seed}-${i}), ` +
      `according to briefing note number ${i * 13 + 7}. Officials said the step numbered ${i} depends on the ceasefire holding, ` +
      `and that the schedule for item ${i} could change after talks between the partners.`
    );
  });
  return [
    '---',
    'outlet: "Bench Wire"',
    `headline: "Generated article for the reindex benchmark (${seed})"`,
    'published: "2026-01-09"',
    `url: "https://example.org/bench/${seed}"`,
    'author: null',
    '---',
    ...body,
    '',
  ].join('\n');
}
