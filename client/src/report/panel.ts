import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CompareRange, CompareResult } from '../../../server/src/protocol';
import { subjectKey, type Subject } from '../compare/baseUri';
import type { ComparisonRequests } from '../compare/requests';
import { Debouncer } from '../debounce';
import { reportHtml } from './html';
import { isReadyMessage, rangeToReveal } from './messages';

/** How long a report waits after the last keystroke in its policy before it is rebuilt. */
const REFRESH_DELAY_MS = 300;

/** What the last rendered report showed, for the real-editor tests (`conduct._reportState`). */
export interface ReportState {
  policy: string;
  against?: string;
  summary?: string;
  error?: string;
  /** Whether the page's script has run (and so the CSP let it). */
  ready: boolean;
  sections: { heading: string; upstreamHeading?: string; status: string; label: string; similarity: number; changes: number }[];
}

interface Report {
  subject: Subject;
  panel: vscode.WebviewPanel;
  result?: CompareResult;
  /** Bumped by every render, so an older answer arriving late is dropped. */
  ticket: number;
}

/**
 * Comparison reports: one webview per subject (policy and what it is compared with),
 * rebuilt as the policy is edited. Clicking a section or a change reveals it in the policy.
 */
export class ReportPanels implements vscode.Disposable {
  private readonly reports = new Map<string, Report>();
  private readonly refreshes = new Debouncer(REFRESH_DELAY_MS);
  private readonly subscriptions: vscode.Disposable[];
  private last: ReportState | undefined;
  private lastReport: Report | undefined;

  constructor(private readonly requests: ComparisonRequests) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!event.contentChanges.length) return;
        const changed = event.document.uri.toString();
        for (const [key, report] of this.reports) {
          if (report.subject.policy === changed || report.subject.other === changed) this.refreshes.schedule(key, () => void this.render(report));
        }
      }),
    ];
  }

  /** The state of the report rendered last, if any. */
  get lastState(): ReportState | undefined {
    return this.last;
  }

  /** Opens the report of `subject` beside the editor, or brings its open one forward and refreshes it. */
  async show(subject: Subject): Promise<void> {
    const key = subjectKey(subject);
    let report = this.reports.get(key);
    if (report) report.panel.reveal(undefined, true);
    else {
      const panel = vscode.window.createWebviewPanel('conduct.report', `Conduct Report: ${nameOf(subject.policy)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [],
      });
      const created: Report = { subject, panel, ticket: 0 };
      this.reports.set(key, (report = created));
      panel.onDidDispose(() => this.reports.delete(key));
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isReadyMessage(message)) {
          if (this.last && this.lastReport === created) this.last = { ...this.last, ready: true };
          return;
        }
        const result = created.result;
        const range = result && !('error' in result) ? rangeToReveal(message, result) : undefined;
        if (range) void reveal(vscode.Uri.parse(subject.policy), range);
      });
    }
    await this.render(report);
  }

  private async render(report: Report): Promise<void> {
    const ticket = ++report.ticket;
    const result = await this.requests.compare(report.subject);
    if (ticket !== report.ticket || !this.reports.has(subjectKey(report.subject))) return;
    report.result = result;
    const policyName = vscode.workspace.asRelativePath(vscode.Uri.parse(report.subject.policy));
    report.panel.webview.html = reportHtml({ policyName, result }, randomBytes(16).toString('base64'));
    this.last = stateOf(report.subject.policy, result);
    this.lastReport = report;
  }

  dispose(): void {
    this.refreshes.dispose();
    for (const report of this.reports.values()) report.panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function stateOf(policy: string, result: CompareResult): ReportState {
  if ('error' in result) return { policy, error: result.error, ready: false, sections: [] };
  return {
    policy,
    ready: false,
    against: result.against,
    summary: result.summary,
    sections: result.sections.map((s) => ({ heading: s.heading, ...(s.upstreamHeading !== undefined && { upstreamHeading: s.upstreamHeading }), status: s.status, label: s.label, similarity: s.similarity, changes: s.changes.length })),
  };
}

/** Selects `range` in the policy: in an editor already showing it, else in a new one beside the report. */
async function reveal(uri: vscode.Uri, range: CompareRange): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  const selection = document.validateRange(new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character));
  const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
  if (visible) {
    visible.selection = new vscode.Selection(selection.start, selection.end);
    visible.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return;
  }
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection });
}

function nameOf(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1);
}
