/**
 * Runs `run` over `texts` a batch at a time, so memory stays flat however many texts there are,
 * and returns one result per text in the input order. With `byLength`, texts of similar length
 * share a batch (less padding for models that pad a batch to its longest text).
 */
export async function inBatches<T>(
  texts: readonly string[],
  batchSize: number,
  run: (batch: string[]) => Promise<T[]>,
  { byLength = false }: { byLength?: boolean } = {},
): Promise<T[]> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`Batch size must be a positive integer, not ${batchSize}.`);
  const order = texts.map((_, i) => i);
  if (byLength) order.sort((a, b) => (texts[b] as string).length - (texts[a] as string).length);

  const results = new Array<T>(texts.length);
  for (let start = 0; start < order.length; start += batchSize) {
    const indices = order.slice(start, start + batchSize);
    const out = await run(indices.map((i) => texts[i] as string));
    if (out.length !== indices.length) {
      throw new Error(`Embedding a batch of ${indices.length} texts returned ${out.length} vectors.`);
    }
    indices.forEach((textIndex, k) => (results[textIndex] = out[k] as T));
  }
  return results;
}
