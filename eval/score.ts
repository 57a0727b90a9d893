// Scoring for the corpus evaluation (npm run eval): pure functions over labels and observed
// results, no file system, so the arithmetic is unit-tested on its own (test/eval).
//
// Detection is right when family, version and language all equal the label (top-1). A
// label's field may list alternatives ("2.2|2.3") where two texts are identical in what the
// file kept, and "none" stands for no value (a pointer that names no version). The revision (earlier upstream wording) is scored apart and only where a label
// gives one: "today", or a date prefix of the earlier wording's first upstream commit
// ("2019-11" matches 2019-11-07).
//
// Findings: a label { rule, line } is matched by an observed finding with the same rule whose
// 1-based start line equals `line`, or falls in `line`..`to` when the label gives `to` (for a
// defect a reviewer would accept anywhere in a short run of lines, such as a paragraph). Each
// observed finding matches at most one label and the reverse. Only loud findings (error,
// warning) are scored: information-level findings (outdated-base, earlier-wording,
// section-order, …) are facts about the text more than defects, and the issue measures the
// loud ones.

export interface ExpectedBase {
  /** contributor-covenant, citizen, django, geek-feminism, pointer, other, unknown; "|" for alternatives. */
  family: string;
  /** The version, or alternatives joined by "|"; null or "none" when the text has none. */
  version: string | null;
  /** Upstream language code (en, ja, zh-cn, fr, es, pt-br); null or "none" when not applicable. */
  language: string | null;
  /** "today", or a date prefix of the earlier wording's first commit ("|" for alternatives); absent: not judged. */
  revision?: string;
}

export interface LabelFinding {
  rule: string;
  /** 1-based line where a reviewer would put the finding. */
  line: number;
  /** Optional last acceptable line (inclusive); the tolerance is explicit, per label. */
  to?: number;
}

export interface FileLabel {
  file: string;
  base: ExpectedBase;
  findings: LabelFinding[];
  /** The reviewer's note in their own words; "pending: …" names a defect no rule id covers yet. */
  note: string;
}

export interface ObservedBase {
  family: string;
  version: string | null;
  language: string | null;
  /** "today", or the earlier wording's first commit date (YYYY-MM-DD); null when unknown. */
  revision: string | null;
}

export interface ObservedFinding {
  rule: string;
  /** 1-based start line. */
  line: number;
  severity: string;
  message: string;
}

export interface FileResult {
  file: string;
  base: ObservedBase;
  findings: ObservedFinding[];
}

export interface DetectionScore {
  family: boolean;
  version: boolean;
  language: boolean;
  /** All three right. */
  all: boolean;
  /** Undefined when the label does not judge the revision. */
  revision?: boolean;
}

export interface FileScore {
  file: string;
  detection: DetectionScore;
  /** The label's and the engine's base as "family version language [revision]". */
  expected: string;
  observed: string;
  matched: { label: LabelFinding; finding: ObservedFinding }[];
  missed: LabelFinding[];
  unexpected: ObservedFinding[];
}

export interface RuleScore {
  rule: string;
  tp: number;
  fp: number;
  fn: number;
  /** tp / (tp + fp); 1 when the rule reported nothing (nothing wrong was said). */
  precision: number;
  /** tp / (tp + fn); 1 when nothing was expected. */
  recall: number;
}

export interface CorpusScore {
  files: FileScore[];
  detection: { total: number; family: number; version: number; language: number; all: number; revisionJudged: number; revision: number };
  rules: RuleScore[];
  overall: RuleScore;
}

const QUIET = new Set(['information', 'hint']);

/** Whether an observed finding is scored (error or warning). */
export function isLoud(finding: ObservedFinding): boolean {
  return !QUIET.has(finding.severity);
}

/**
 * Whether an observed value is one the label accepts: alternatives are joined by "|", and
 * "none" (or a null label) stands for no value. Case-insensitive.
 */
export function accepted(expected: string | null, observed: string | null): boolean {
  const value = (observed ?? 'none').toLowerCase();
  return (expected ?? 'none').split('|').some((alternative) => alternative.trim().toLowerCase() === value);
}

export function scoreDetection(expected: ExpectedBase, observed: ObservedBase): DetectionScore {
  const family = accepted(expected.family, observed.family);
  const version = accepted(expected.version, observed.version);
  const language = accepted(expected.language, observed.language);
  const score: DetectionScore = { family, version, language, all: family && version && language };
  if (expected.revision !== undefined) {
    score.revision = expected.revision.split('|').some((r) => (r === 'today' ? observed.revision === 'today' : !!observed.revision?.startsWith(r)));
  }
  return score;
}

/** "family version language [revision]", leaving out what is null or not judged. */
export function describeBase(base: ExpectedBase | ObservedBase): string {
  return [base.family, base.version ?? 'no-version', base.language ?? 'no-language', base.revision ? `[${base.revision}]` : ''].filter(Boolean).join(' ');
}

function accepts(label: LabelFinding, finding: ObservedFinding): boolean {
  return label.rule === finding.rule && finding.line >= label.line && finding.line <= (label.to ?? label.line);
}

/** Matches one file's observed findings to its labels: exact lines first, then ranges. */
export function scoreFile(label: FileLabel, result: FileResult): FileScore {
  const loud = result.findings.filter(isLoud);
  const used = new Set<number>();
  const matched: FileScore['matched'] = [];
  const missed: LabelFinding[] = [];
  // Narrow labels first, so a range label does not take a finding an exact label needs.
  const order = [...label.findings].sort((a, b) => ((a.to ?? a.line) - a.line) - ((b.to ?? b.line) - b.line));
  for (const expected of order) {
    const index = loud.findIndex((f, i) => !used.has(i) && accepts(expected, f));
    if (index < 0) missed.push(expected);
    else {
      used.add(index);
      matched.push({ label: expected, finding: loud[index] });
    }
  }
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  return {
    file: label.file,
    detection: scoreDetection(label.base, result.base),
    expected: describeBase(label.base),
    observed: describeBase(result.base),
    matched,
    missed: missed.sort(byLine),
    unexpected: loud.filter((_, i) => !used.has(i)).sort(byLine),
  };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function ruleScore(rule: string, tp: number, fp: number, fn: number): RuleScore {
  return { rule, tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** Scores every labelled file that has a result; a label without a result is an error. */
export function scoreCorpus(labels: readonly FileLabel[], results: readonly FileResult[]): CorpusScore {
  const byFile = new Map(results.map((r) => [r.file, r]));
  const files = labels.map((label) => {
    const result = byFile.get(label.file);
    if (!result) throw new Error(`no result for labelled file ${label.file}`);
    return scoreFile(label, result);
  });
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (rule: string) => {
    let c = counts.get(rule);
    if (!c) counts.set(rule, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  for (const file of files) {
    for (const m of file.matched) count(m.label.rule).tp++;
    for (const m of file.missed) count(m.rule).fn++;
    for (const f of file.unexpected) count(f.rule).fp++;
  }
  const rules = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([rule, c]) => ruleScore(rule, c.tp, c.fp, c.fn));
  const sum = (key: 'tp' | 'fp' | 'fn') => rules.reduce((n, r) => n + r[key], 0);
  const tally = (key: keyof DetectionScore) => files.filter((f) => f.detection[key] === true).length;
  return {
    files,
    detection: {
      total: files.length,
      family: tally('family'),
      version: tally('version'),
      language: tally('language'),
      all: tally('all'),
      revisionJudged: files.filter((f) => f.detection.revision !== undefined).length,
      revision: tally('revision'),
    },
    rules,
    overall: ruleScore('overall', sum('tp'), sum('fp'), sum('fn')),
  };
}
