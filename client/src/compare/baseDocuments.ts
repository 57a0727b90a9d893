import * as vscode from 'vscode';
import { Debouncer } from '../debounce';
import { BASE_SCHEME, decodeBaseQuery } from './baseUri';
import type { ComparisonRequests } from './requests';

/** How long the left side waits after the last keystroke in the policy before it is rebuilt. */
const REFRESH_DELAY_MS = 300;

/**
 * Serves the left side of comparison diff views (`conduct-base:` documents): read-only text
 * the server builds from the policy's current version. When the policy, or the other policy
 * of a two-policy comparison, is edited, every open left side that depends on it is rebuilt.
 */
export class BaseDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly refreshes = new Debouncer(REFRESH_DELAY_MS);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly requests: ComparisonRequests) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(BASE_SCHEME, this),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length) this.dependentsChanged(event.document.uri.toString());
      }),
    ];
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const side = decodeBaseQuery(uri.query);
    if (!side) return 'Conduct Lens cannot show this comparison: its address is not one Conduct Lens made.';
    const result = await this.requests.baseDocument(side, side.layout, token);
    return 'error' in result ? `Conduct Lens cannot show this comparison: ${result.error}` : result.text;
  }

  private dependentsChanged(changed: string): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme !== BASE_SCHEME) continue;
      const side = decodeBaseQuery(document.uri.query);
      if (side?.policy !== changed && side?.other !== changed) continue;
      this.refreshes.schedule(document.uri.toString(), () => this.changed.fire(document.uri));
    }
  }

  dispose(): void {
    this.refreshes.dispose();
    this.changed.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
