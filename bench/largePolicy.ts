// Large inputs for the comparison benchmark, generated at run time from a bundled upstream
// text so that no policy text is stored in the repository. Seeded, so every run (and every
// machine) measures the same bytes.
import { seededRandom } from '../test/support/seededRandom';

/**
 * A policy of `size` characters: the body's paragraphs (headings included) repeated until
 * there are enough, shuffled, and about every other paragraph given one random word of the
 * body's own vocabulary after its first word (so headings and list items keep their syntax).
 * Different seeds give texts with the same words in a different order: the worst case for a
 * diff, since almost every word matches somewhere.
 */
export function largePolicy(body: string, seed: number, size = 1 << 20): string {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const paragraphs = body.split(/\n{2,}/).filter((p) => p.trim());
  const vocabulary = body.split(/\s+/).filter((w) => /^\p{L}+$/u.test(w));
  const copies = Math.ceil(size / body.length) + 1;
  const pool = Array.from({ length: copies }, () => paragraphs).flat();
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const out: string[] = [];
  let length = 0;
  for (const paragraph of pool) {
    if (length >= size) break;
    let text = paragraph;
    if (next() < 0.5) {
      const words = text.split(' ');
      words.splice(1 + Math.floor(next() * words.length), 0, pick(vocabulary));
      text = words.join(' ');
    }
    out.push(text);
    length += text.length + 2;
  }
  return out.join('\n\n').slice(0, size);
}
