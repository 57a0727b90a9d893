// The long fuzz run: `npm run fuzz [-- COUNT [SEED]]` checks COUNT documents (default
// 100,000) against the properties in fuzz.ts and prints the count and every failure, with
// the seed and index that reproduce it. Exits 1 when any property fails.
import fc from 'fast-check';
import { fuzzDocuments, propertyFailures, seedTexts } from './fuzz';

const count = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 20261130);
if (!Number.isInteger(count) || count <= 0 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- [COUNT (default 100000)] [SEED]');
  process.exit(2);
}

const documents = fuzzDocuments(seedTexts());
const BATCH = 500;
let checked = 0;
let failed = 0;
const started = Date.now();
// Generated in batches, each from its own seed, so memory stays flat over a long run.
for (let batch = 0; checked < count; batch++) {
  const texts = fc.sample(documents, { seed: seed + batch, numRuns: Math.min(BATCH, count - checked) });
  texts.forEach((text, index) => {
    const failures = propertyFailures(text);
    if (failures.length) {
      failed++;
      console.log(`FAIL seed ${seed + batch} index ${index} (${text.length} chars):\n  ${failures.join('\n  ')}\n  text: ${JSON.stringify(text.slice(0, 400))}`);
    }
  });
  checked += texts.length;
  if (batch % 10 === 9) console.log(`… ${checked.toLocaleString('en')} checked, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
}
console.log(`fuzz: ${checked.toLocaleString('en')} documents checked, ${failed} failed (seed ${seed}, ${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(failed ? 1 : 0);
