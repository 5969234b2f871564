/**
 * Small statistics and randomness helpers. Every random choice of the bench goes through a seeded
 * generator, so a rerun measures the same payloads in the same orders.
 */

/** A seeded pseudo-random generator (mulberry32): returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A shuffled copy (Fisher-Yates), so no peer always runs first or last in a round. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

export function pick<T>(items: readonly T[], random: () => number): T {
  if (items.length === 0) throw new Error("internal: pick from an empty list");
  return items[Math.floor(random() * items.length)]!;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds since an arbitrary origin, from the monotonic clock. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Runs `measure` once per round for every item, in an order shuffled per round, and returns the
 * figures of each item by round. Shuffling spreads drift (CPU frequency, other load, garbage
 * collection) over all items instead of charging it to whichever runs at a fixed place.
 */
export async function roundRobin<T extends { readonly id: string }>(
  items: readonly T[],
  rounds: number,
  seed: number,
  measure: (item: T, round: number) => number | Promise<number>,
): Promise<Map<string, number[]>> {
  const random = seededRandom(seed);
  const figures = new Map<string, number[]>(items.map((item) => [item.id, []]));
  for (let round = 0; round < rounds; round++) {
    for (const item of shuffled(items, random)) figures.get(item.id)!.push(await measure(item, round));
  }
  return figures;
}

/** The median over rounds of a/b, taking a and b from the same round. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error("internal: ratio of figures from different round counts");
  return median(a.map((value, i) => value / b[i]!));
}
