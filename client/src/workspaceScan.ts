import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECK_FILES, FINISH_SCAN, POLICY_FILES, type CheckFilesParams, type CheckFilesResult, type FinishScanParams, type PolicyFilesParams, type PolicyFilesResult, type ScanSummary } from '../../server/src/workspaceProtocol';
import { markedPolicies } from './checkFileCommand';
import { CANDIDATE_GLOBS, excludeGlob, isCandidateName } from './scanGlobs';

/** Files read and sent per request: small enough that progress moves and cancelling is prompt. */
const BATCH = 8;

/** What the command returns: the server's summary, and whether the user cancelled. */
export type ScanResult = ScanSummary & { cancelled: boolean };

/** `conduct.files` as the server will apply it: in an untrusted workspace, the user's own value only. */
function policyGlobs(folder: vscode.WorkspaceFolder): string[] {
  const config = vscode.workspace.getConfiguration('conduct', folder.uri);
  const value = vscode.workspace.isTrusted ? config.get<unknown>('files') : config.inspect<unknown>('files')?.globalValue;
  return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
}

/** The folder's files with a name worth asking about, honouring files.exclude and search.exclude as the Search view does. */
async function candidates(folder: vscode.WorkspaceFolder, token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const exclude = excludeGlob(vscode.workspace.getConfiguration('files', folder.uri).get('exclude'), vscode.workspace.getConfiguration('search', folder.uri).get('exclude'));
  const find = (glob: string) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), exclude, undefined, token);
  const named = (await Promise.all(CANDIDATE_GLOBS.map(find))).flat().filter((uri) => isCandidateName(uri.path.slice(uri.path.lastIndexOf('/') + 1)));
  // conduct.files may name policies of any extension: all its matches go to the server.
  const configured = (await Promise.all(policyGlobs(folder).map(find))).flat();
  return [...named, ...configured];
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // Deleted or unreadable since it was listed: there is nothing to report for it.
    return undefined;
  }
}

/**
 * "Check All Conduct Policies in the Workspace": lists each workspace folder's candidate
 * files, asks the server which are policies, reads them and sends them to be checked, in
 * batches under a cancellable progress notification. Findings go to Problems; the server
 * judges misspelled names and translation drift per folder at the end. `options.token`
 * lets a caller (the real-editor tests) cancel as the notification's button does.
 */
export function registerWorkspaceScan(context: vscode.ExtensionContext, getClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('conduct.checkWorkspace', async (options?: { token?: vscode.CancellationToken }): Promise<ScanResult | undefined> => {
    const client = getClient();
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (!client?.isRunning()) {
      void vscode.window.showErrorMessage('Conduct Lens: the language server is not running. See "Conduct: Show Language Server Output".');
      return undefined;
    }
    if (!folders.length) {
      void vscode.window.showInformationMessage('Conduct Lens: open a folder or workspace to check its policies.');
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Conduct Lens: checking the policies in the workspace', cancellable: true },
      async (progress, progressToken) => {
        const cancelled = () => progressToken.isCancellationRequested || options?.token?.isCancellationRequested === true;
        const source = new vscode.CancellationTokenSource();
        const subscriptions = [progressToken.onCancellationRequested(() => source.cancel()), ...(options?.token ? [options.token.onCancellationRequested(() => source.cancel())] : [])];
        if (cancelled()) source.cancel();
        try {
          progress.report({ message: 'finding policy files…' });
          const marked = new Set(markedPolicies(context));
          const perFolder: { folder: vscode.WorkspaceFolder; uris: string[] }[] = [];
          for (const folder of folders) {
            if (cancelled()) break;
            const listed = new Set((await candidates(folder, source.token)).map((u) => u.toString()));
            for (const uri of marked) if (vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))?.uri.toString() === folder.uri.toString()) listed.add(uri);
            const { uris } = await client.sendRequest<PolicyFilesResult>(POLICY_FILES, { uris: [...listed].sort() } satisfies PolicyFilesParams, source.token);
            perFolder.push({ folder, uris });
          }
          const total = perFolder.reduce((n, f) => n + f.uris.length, 0);
          let done = 0;
          for (const { folder, uris } of perFolder) {
            for (let i = 0; i < uris.length && !cancelled(); i += BATCH) {
              const batch = uris.slice(i, i + BATCH);
              const files = (await Promise.all(batch.map(async (uri) => ({ uri, text: await readText(vscode.Uri.parse(uri)) })))).filter((f): f is { uri: string; text: string } => f.text !== undefined);
              await client.sendRequest<CheckFilesResult>(CHECK_FILES, { folder: folder.uri.toString(), files } satisfies CheckFilesParams, source.token);
              done += batch.length;
              progress.report({ message: `${done} of ${total} policy files`, increment: (100 * batch.length) / Math.max(total, 1) });
            }
          }
          const stopped = cancelled();
          const summary = await client.sendRequest<ScanSummary>(FINISH_SCAN, { uris: perFolder.flatMap((f) => f.uris), complete: !stopped } satisfies FinishScanParams);
          return { ...summary, cancelled: stopped };
        } catch (error) {
          // A request cancelled mid-way rejects; what was checked until then stays in Problems.
          if (!cancelled()) throw error;
          const summary = await client.sendRequest<ScanSummary>(FINISH_SCAN, { uris: [], complete: false } satisfies FinishScanParams);
          return { ...summary, cancelled: true };
        } finally {
          for (const s of subscriptions) s.dispose();
          source.dispose();
        }
      },
    );
    showSummary(result);
    return result;
  });
}

function showSummary(result: ScanResult): void {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const extras = [result.misspelled && plural(result.misspelled, 'misspelled file name', 'misspelled file names'), result.drifted && plural(result.drifted, 'drifted translation', 'drifted translations')].filter(Boolean);
  const message = `Conduct Lens${result.cancelled ? ' (cancelled)' : ''}: ${plural(result.findings, 'finding', 'findings')} in ${plural(result.files, 'policy file', 'policy files')}${extras.length ? `, including ${extras.join(' and ')}` : ''}.`;
  void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
}
