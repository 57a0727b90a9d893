import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { bundledUpstreamDir, loadUpstreamLibrary } from './upstream/loader';

// The transport comes from the command line: --node-ipc (VS Code), --stdio (other editors)
// or --socket=N. Nothing may be written to stdout: with --stdio it is the protocol stream.
const connection = createConnection(ProposedFeatures.all);

// Keep the server alive through a bug in one request: log it, and let the client go on.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught: ${error?.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

startServer(connection, { loadLibrary: () => loadUpstreamLibrary(bundledUpstreamDir(__dirname)) });
