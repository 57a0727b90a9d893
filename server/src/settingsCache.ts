import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, parseSettings, type ConductSettings } from './settings';

/**
 * Settings per resource, pulled with workspace/configuration and cached per URI (never one
 * global for all). Clients without workspace/configuration (some third-party editors) get
 * whatever they last sent with didChangeConfiguration, or the defaults.
 */
export class SettingsCache {
  private readonly byUri = new Map<string, Promise<ConductSettings>>();
  private pulled = false;
  private pushed: ConductSettings = DEFAULT_SETTINGS;
  private problems: string[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly connection: Connection) {}

  /** Whether the client answers workspace/configuration requests. */
  configure(clientPullsConfiguration: boolean): void {
    this.pulled = clientPullsConfiguration;
  }

  get(uri: string): Promise<ConductSettings> {
    if (!this.pulled) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'conduct' })
        .then((raw) => this.accept(raw), () => DEFAULT_SETTINGS);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }

  /** Calls `onChange` after every configuration change, with the cache already cleared. */
  subscribe(onChange: () => void): void {
    this.connection.onDidChangeConfiguration((change) => {
      this.byUri.clear();
      this.reported.clear();
      if (!this.pulled) {
        const raw = (change.settings as { conduct?: unknown } | undefined)?.conduct;
        this.pushed = this.accept(raw);
      }
      onChange();
    });
  }

  /** Problems found in settings since the last call, each reported once per change. */
  takeProblems(): string[] {
    const problems = this.problems;
    this.problems = [];
    return problems;
  }

  private accept(raw: unknown): ConductSettings {
    const { settings, problems } = parseSettings(raw);
    for (const problem of problems) {
      if (this.reported.has(problem)) continue;
      this.reported.add(problem);
      this.problems.push(problem);
    }
    return settings;
  }
}
