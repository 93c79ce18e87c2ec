// What to do when the language server process ends without being asked to: restart it, and tell the user
// once, in one clear line in the output; after too many crashes in a short time, stop restarting and say so.
// No VS Code API here, so the decisions are unit-tested.

export const RESTART_WINDOW_MS = 3 * 60 * 1000;
export const MAX_RESTARTS = 4;

export interface CrashDecision {
  restart: boolean;
  /** The one line for the output channel. */
  message: string;
  /** Whether to show a notification as well: the first crash of a series, and the final stop. */
  notify: boolean;
}

/** Messages in the user's language (the client passes vscode.l10n.t). */
export interface CrashMessages {
  restarted(): string;
  stopped(crashes: number): string;
}

export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(private readonly messages: CrashMessages, private readonly now: () => number = Date.now) {}

  /** Called when the connection to the server closed unexpectedly. */
  crashed(): CrashDecision {
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
    if (this.crashes.length <= MAX_RESTARTS) {
      return { restart: true, message: this.messages.restarted(), notify: this.crashes.length === 1 };
    }
    return { restart: false, message: this.messages.stopped(this.crashes.length), notify: true };
  }

  /** A restart the user asked for starts a new series. */
  reset(): void { this.crashes.length = 0; }

  /** Crashes within the current window. */
  get recent(): number { return this.crashes.length; }
}

/** The connection reports errors (a broken message, a write to a dead pipe): go on for a few, then shut down. */
export const continueAfterError = (count: number | undefined): boolean => (count ?? 0) <= 3;
