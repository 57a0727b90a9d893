import { isMainThread } from 'node:worker_threads';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { serveAnalyses } from './analysisWorker';
import { OffThreadAnalysis } from './offThreadAnalysis';
import { startServer } from './server';
import { bundledUpstreamDir, loadUpstreamLibrary } from './upstream/loader';

// One bundle, two roles: the language server, and (started by it with this same file) the
// worker thread that analyses large policies, so the VSIX carries the analysis code once.
if (isMainThread) {
  // The transport comes from the command line: --node-ipc (VS Code), --stdio (other editors)
  // or --socket=N. Nothing may be written to stdout: with --stdio it is the protocol stream.
  const connection = createConnection(ProposedFeatures.all);

  // Keep the server alive through a bug in one request: log it, and let the client go on.
  process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error?.stack ?? error}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

  const offThread = new OffThreadAnalysis(__filename, (message) => connection.console.error(message));
  connection.onExit(() => offThread.dispose());

  startServer(connection, { loadLibrary: () => loadUpstreamLibrary(bundledUpstreamDir(__dirname)), offThread });
} else {
  serveAnalyses();
}
