import { log } from '../log.js';

/**
 * A unit-length copy of `values`. A vector with no direction (zero or not finite, as when a text
 * has no token the model knows) becomes the same neutral unit vector, so callers always get unit vectors.
 */
export function toUnitVector(values: ArrayLike<number>): Float32Array {
  const out = Float32Array.from(values);
  let sum = 0;
  for (const x of out) sum += x * x;
  const norm = Math.sqrt(sum);
  if (!Number.isFinite(norm) || norm === 0) {
    log.warn({ dimensions: out.length }, 'embedding has no direction (text without known words); using a neutral vector');
    return out.fill(1 / Math.sqrt(out.length));
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / norm;
  return out;
}

/** Dot product; the cosine similarity of two unit vectors. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`Vectors differ in length: ${a.length} and ${b.length}.`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}
