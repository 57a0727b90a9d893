import * as vscode from 'vscode';
import type { ConfigurationParams, Middleware } from 'vscode-languageclient/node';

/** Settings that name paths: in an untrusted workspace only the user's own values count. */
const RESTRICTED = ['files'] as const;

/**
 * Answers the server's workspace/configuration requests, then, in an untrusted workspace,
 * replaces restricted settings with the user-level value so a cloned repository cannot
 * steer which files are read. (VS Code applies restrictedConfigurations too; this keeps the
 * guarantee explicit and independent of how the client library reads settings.)
 */
export const trustAwareConfiguration: NonNullable<Middleware['workspace']>['configuration'] = async (params: ConfigurationParams, token, next) => {
  const result = await next(params, token);
  if (vscode.workspace.isTrusted || !Array.isArray(result)) return result;
  return result.map((value, i) => {
    const item = params.items[i];
    if (item?.section !== 'conduct' || typeof value !== 'object' || value === null) return value;
    const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
    const config = vscode.workspace.getConfiguration('conduct', scope);
    const safe: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const key of RESTRICTED) safe[key] = config.inspect(key)?.globalValue ?? config.inspect(key)?.defaultValue;
    return safe;
  });
};
