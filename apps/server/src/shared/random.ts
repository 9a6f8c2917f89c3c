/**
 * mulberry32: a small, fast, well-distributed pseudo-random generator; the same seed gives the same sequence in
 * [0, 1). For what must replay — the demo data (the same registry on every start), an expert draw from its
 * recorded seed, a generated test history whose failure must reproduce — never for secrets.
 */
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
