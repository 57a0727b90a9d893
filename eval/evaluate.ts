// Runs the engine over the shared corpus (read in place, never copied) and scores it against
// eval/labels.json. Shared by `npm run eval` (the report) and test/eval/floors.test.ts (the floors).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkText, LineIndex, type UpstreamLibrary } from '../server/src/core/index';
import { PROJECT_ROOT } from '../test/support/upstream';
import { loadLabels, observe, repositoryNames } from './corpus';
import { scoreCorpus, type CorpusScore, type FileResult } from './score';

export const CORPUS_DIR = resolve(PROJECT_ROOT, '../shared/corpus');

/** The corpus scored, or undefined when there is no corpus beside the project. */
export function evaluateCorpus(library: UpstreamLibrary, corpusDir = CORPUS_DIR): CorpusScore | undefined {
  if (!existsSync(corpusDir)) return undefined;
  const labels = loadLabels(readFileSync(join(__dirname, 'labels.json'), 'utf8'));
  const repositories = repositoryNames(readFileSync(join(corpusDir, 'INDEX.tsv'), 'utf8'));
  const results: FileResult[] = labels.map((label) => {
    const text = readFileSync(join(corpusDir, label.file), 'utf8');
    // The project's name as the editor and the CLI would know it: the repository's folder.
    const projectNames = repositories.has(label.file) ? [repositories.get(label.file)!] : [];
    return observe(label.file, checkText(text, library, { env: { projectNames } }), new LineIndex(text));
  });
  return scoreCorpus(labels, results);
}
