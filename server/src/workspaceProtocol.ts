// Custom requests for "Check All Conduct Policies in the Workspace". The client lists and
// reads the files (it knows files.exclude and search.exclude, and owns file access); the
// server decides which are policies, checks them and publishes what it finds. The client
// imports this file, so it holds names and types only.

/** Asks which of the listed files the server checks as policies (conventional or misspelled names, `conduct.files`, marked files). */
export const POLICY_FILES = 'conduct/policyFiles';

export interface PolicyFilesParams {
  uris: string[];
}

export interface PolicyFilesResult {
  uris: string[];
}

/** Checks files of one workspace folder as read from disk, publishing their findings unless the editor has them open. */
export const CHECK_FILES = 'conduct/checkFiles';

export interface CheckFilesParams {
  /** The workspace folder the files belong to: misspelled names and translation drift are judged within it. */
  folder: string;
  files: { uri: string; text: string }[];
}

export interface CheckFilesResult {
  /** How many of the files were checked before the request was cancelled (all of them otherwise). */
  checked: number;
}

/** Ends a scan: judges names and translation drift across each folder's policies, and publishes them. */
export const FINISH_SCAN = 'conduct/finishScan';

export interface FinishScanParams {
  /** Every policy file the scan found; with `complete`, files checked by earlier scans and missing now are forgotten. */
  uris: string[];
  /** False when the scan was cancelled: what was checked stays, nothing is forgotten. */
  complete: boolean;
}

export interface ScanSummary {
  /** Policy files whose findings are in Problems. */
  files: number;
  /** Findings across them, name and drift findings included. */
  findings: number;
  /** Files named so that GitHub does not recognise them. */
  misspelled: number;
  /** Translations that drifted from the primary policy. */
  drifted: number;
}
