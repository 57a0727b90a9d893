import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  BASE_DOCUMENT,
  COMPARE,
  COMPARE_CHOICES,
  type BaseDocumentParams,
  type BaseDocumentResult,
  type BaseLayout,
  type CompareChoicesParams,
  type CompareChoicesResult,
  type CompareResult,
  type ComparisonError,
  type ComparisonSubject,
} from '../../../server/src/protocol';
import type { Subject } from './baseUri';

const NOT_RUNNING: ComparisonError = { error: 'The Conduct Lens language server is not running. See "Conduct: Show Language Server Output".' };
const MAX_OTHER_BYTES = 20_000_000;

/** Asks the server about comparisons. Every answer is a result or `{ error }`; nothing here throws. */
export class ComparisonRequests {
  constructor(private readonly getClient: () => LanguageClient | undefined) {}

  compare(subject: Subject, token?: vscode.CancellationToken): Promise<CompareResult> {
    return this.send<CompareResult>(COMPARE, subject, {}, token);
  }

  baseDocument(subject: Subject, layout: BaseLayout, token?: vscode.CancellationToken): Promise<BaseDocumentResult> {
    return this.send<BaseDocumentResult>(BASE_DOCUMENT, subject, { layout } satisfies Pick<BaseDocumentParams, 'layout'>, token);
  }

  async choices(policy: string, token?: vscode.CancellationToken): Promise<CompareChoicesResult> {
    const client = this.running();
    if (!client) return NOT_RUNNING;
    return request(client, COMPARE_CHOICES, { uri: policy } satisfies CompareChoicesParams, token);
  }

  private async send<T>(method: string, subject: Subject, extra: object, token?: vscode.CancellationToken): Promise<T | ComparisonError> {
    const client = this.running();
    if (!client) return NOT_RUNNING;
    const params = await subjectParams(subject);
    if ('error' in params) return params;
    return request<T>(client, method, { ...params, ...extra }, token);
  }

  private running(): LanguageClient | undefined {
    const client = this.getClient();
    return client?.isRunning() ? client : undefined;
  }
}

async function request<T>(client: LanguageClient, method: string, params: object, token: vscode.CancellationToken | undefined): Promise<T | ComparisonError> {
  try {
    // An undefined token would be sent as a second positional parameter.
    return await (token ? client.sendRequest<T>(method, params, token) : client.sendRequest<T>(method, params));
  } catch (error) {
    return { error: `The language server did not answer: ${(error as Error)?.message ?? error}` };
  }
}

/**
 * The request parameters for a subject. The other policy of a two-policy comparison is
 * read here, from its open document or the file system, and sent as text: the server
 * reads no files of its own.
 */
export async function subjectParams(subject: Subject): Promise<ComparisonSubject | ComparisonError> {
  if (subject.other === undefined) return { uri: subject.policy, ...(subject.target && { target: subject.target }) };
  const uri = vscode.Uri.parse(subject.other);
  const name = vscode.workspace.asRelativePath(uri);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === subject.other);
  if (open) return { uri: subject.policy, other: { uri: subject.other, name, text: open.getText() } };
  try {
    // Far beyond any policy: refuse before reading it all and sending it over.
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_OTHER_BYTES) return { error: `${name} is too large to compare (over ${MAX_OTHER_BYTES / 1_000_000} MB).` };
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    return { uri: subject.policy, other: { uri: subject.other, name, text } };
  } catch (error) {
    return { error: `Cannot read ${name}: ${(error as Error)?.message ?? error}` };
  }
}
