/**
 * Words per shingle: long enough that a shared shingle is shared wording rather than a stock
 * phrase (unrelated texts share at most 0.5% of an upstream text's shingles), short enough
 * that one changed word costs only five shingles, so 2.0 and 2.1 stay apart by their few
 * different words. Tried on the tests and 1,900 random fragments of upstream texts: 4–6
 * behave alike; 3 and 8 each fail tests (3 lets stock phrases of a custom text pass for
 * shared wording). For unspaced scripts a token is one character, so there a shingle is a
 * character 5-gram, about two or three words of Chinese or Japanese.
 */
export const SHINGLE_SIZE = 5;

/**
 * A 53-bit key for the window of `size` token ids starting at `start`: two 32-bit lanes
 * (FNV-1a and a murmur-style mix), so that collisions among the library's 39,000 distinct
 * shingles and a policy's are negligible, while keys stay plain numbers for fast Sets and
 * Maps.
 */
export function shingleKey(ids: ArrayLike<number>, start: number, size: number): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = start; i < start + size; i++) {
    const id = ids[i];
    a = Math.imul(a ^ id, 0x01000193);
    b = Math.imul(b ^ (id + 0x9e3779b9), 0x5bd1e995);
    b ^= b >>> 15;
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/**
 * The key of every window, by start position. A text shorter than one shingle still gets
 * one key (all its tokens), so a two-word policy is compared rather than ignored.
 */
export function shingleKeys(ids: ArrayLike<number>, size = SHINGLE_SIZE): number[] {
  if (ids.length === 0) return [];
  if (ids.length < size) return [shingleKey(ids, 0, ids.length)];
  const keys = new Array<number>(ids.length - size + 1);
  for (let i = 0; i < keys.length; i++) keys[i] = shingleKey(ids, i, size);
  return keys;
}
