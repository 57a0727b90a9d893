// Small policies of our own that several protocol suites open.

/** Four rungs as headings; line 10 (0-based) is "### 2. Warning". */
export const LADDER = [
  '# Code of Conduct',
  '',
  'Everyone who takes part in the Lantern project deserves a friendly, safe space.',
  '',
  'Write to stewards@example.org when something goes wrong; we answer every message.',
  '',
  '## What the stewards may do',
  '',
  '### 1. Correction',
  '',
  '### 2. Warning',
  '',
  'A written warning that repeating the behaviour leads further down this list.',
  '',
  '### 3. Temporary Ban',
  '',
  'A pause from every project space for a fixed time.',
  '',
  '### 4. Permanent Ban',
  '',
].join('\n');
