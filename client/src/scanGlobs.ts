// Globs for "Check All Conduct Policies in the Workspace". Kept free of the vscode module so
// the unit suite can test them.

/**
 * Names worth asking the server about: every policy name, conventional or misspelled,
 * holds "code", "cond" or "cund" in some case ("CCODE_OF_CONDUCT.md", "CODE_OF_CUNDUCT.md").
 * The server decides which of them are policies.
 */
export const CANDIDATE_GLOBS = ['**/*[cC][oO][dD][eE]*', '**/*[cC][oO][nN][dD]*', '**/*[cC][uU][nN][dD]*'];

/**
 * Whether a file the candidate globs found is worth sending: policies are Markdown or plain
 * text, with no extension or .md, .markdown or .txt, so "encode.ts" or "barcode.png" in a
 * large repository cost nothing.
 */
export function isCandidateName(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot <= 0 || ['md', 'markdown', 'txt'].includes(name.slice(dot + 1).toLowerCase());
}

/** "a/{b,c}/*.{md,txt}" → its four plain alternatives. Globs joined into one "{…}" group must not hold groups of their own. */
export function expandBraces(glob: string): string[] {
  const open = glob.indexOf('{');
  if (open < 0) return [glob];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) {
      const bounds = [open, ...commas, i];
      const head = glob.slice(0, open);
      const tail = glob.slice(i + 1);
      return bounds.slice(1).flatMap((end, k) => expandBraces(`${head}${glob.slice(bounds[k] + 1, end)}${tail}`));
    } else if (glob[i] === ',' && depth === 1) commas.push(i);
  }
  return [glob];
}

/**
 * One exclude glob from `files.exclude` and `search.exclude` values: the patterns set to
 * true. Conditional patterns ({ "when": … }) need a sibling file to decide and are left
 * out. Null when nothing is excluded (findFiles then excludes nothing, as the settings say).
 */
export function excludeGlob(...settings: readonly unknown[]): string | null {
  const patterns = new Set<string>();
  for (const setting of settings) {
    if (typeof setting !== 'object' || setting === null) continue;
    for (const [pattern, on] of Object.entries(setting)) if (on === true) for (const plain of expandBraces(pattern)) patterns.add(plain);
  }
  return patterns.size ? `{${[...patterns].join(',')}}` : null;
}
