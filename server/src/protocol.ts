// Custom requests shared by the server and the client. The client imports this file and
// nothing else from the server, so it must stay free of runtime imports.

/** Asks the server to treat a document as a conduct policy whatever its name. */
export const MARK_AS_POLICY = 'conduct/markAsPolicy';

export interface MarkAsPolicyParams {
  uri: string;
}

export interface MarkAsPolicyResult {
  /** Findings now reported for the document. */
  findings: number;
}

/** What the client sends when it starts the server. */
export interface ConductInitializationOptions {
  /** Documents the user marked as policies in earlier sessions of this workspace. */
  markedPolicies?: string[];
}

/** Asks what the server knows about one document, for the status item. */
export const DOCUMENT_INFO = 'conduct/documentInfo';

export interface DocumentInfoParams {
  uri: string;
}

export interface DocumentInfo {
  /** Whether the document is checked as a conduct policy. */
  policy: boolean;
  /** The detected base, when the document is a policy that could be analysed. */
  base?: { family: 'contributor-covenant' | 'unknown'; version?: string; language?: string; similarity: number };
  /** Findings per severity. */
  counts: { error: number; warning: number; information: number; hint: number };
}
