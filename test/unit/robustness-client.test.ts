// The client side of server survival, without VS Code: the restart policy, and the language client's own
// handling of a closed connection with our error handler — one line in the output per crash, the server
// restarted, a notification only for the first crash of a series and when restarting is given up.
import assert from 'node:assert/strict';
import Module from 'node:module';
import { describe, it } from 'node:test';
import { continueAfterError, MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restartPolicy';

const messages = { restarted: () => 'restarted', stopped: (n: number) => `stopped after ${n}` };

describe('client restart policy', () => {
  it(`restarts up to ${MAX_RESTARTS} times in ${RESTART_WINDOW_MS / 60000} minutes, notifying on the first crash only`, () => {
    let now = 0;
    const policy = new RestartPolicy(messages, () => now);
    const decisions = Array.from({ length: MAX_RESTARTS }, () => { now += 1000; return policy.crashed(); });
    assert.deepEqual(decisions.map((d) => d.restart), Array(MAX_RESTARTS).fill(true));
    assert.deepEqual(decisions.map((d) => d.notify), [true, ...Array(MAX_RESTARTS - 1).fill(false)]);
    assert.ok(decisions.every((d) => d.message === 'restarted'));
    now += 1000;
    assert.deepEqual(policy.crashed(), { restart: false, message: `stopped after ${MAX_RESTARTS + 1}`, notify: true });
  });

  it('crashes far apart are each a new series: always restarted', () => {
    let now = 0;
    const policy = new RestartPolicy(messages, () => now);
    for (let i = 0; i < 20; i++) {
      now += RESTART_WINDOW_MS + 1;
      const d = policy.crashed();
      assert.equal(d.restart, true);
      assert.equal(d.notify, true);
      assert.equal(policy.recent, 1);
    }
  });

  it('a restart asked for by the user starts a new series', () => {
    const policy = new RestartPolicy(messages, () => 0);
    for (let i = 0; i <= MAX_RESTARTS; i++) policy.crashed();
    assert.equal(policy.crashed().restart, false);
    policy.reset();
    assert.deepEqual(policy.crashed(), { restart: true, message: 'restarted', notify: true });
  });

  it('connection errors: go on for the first three, then shut down', () => {
    assert.deepEqual([undefined, 1, 2, 3, 4, 10].map(continueAfterError), [true, true, true, true, false, false]);
  });
});

/** Just enough of the vscode module for vscode-languageclient and client/src/serverClient.ts to load. */
function fakeVscode(shown: { kind: string; message: string }[]) {
  const any = (name: string): unknown => new Proxy(function () { /* stub */ }, {
    get: (_t, p) => (p === 'then' ? undefined : any(`${name}.${String(p)}`)),
    apply: () => any(`${name}()`),
    construct: () => any(`new ${name}`) as object,
  });
  const format = (m: string, ...args: unknown[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)]));
  const show = (kind: string) => (message: string) => { shown.push({ kind, message }); return Promise.resolve(undefined); };
  return new Proxy({
    l10n: { t: format },
    window: { showWarningMessage: show('warning'), showErrorMessage: show('error'), showInformationMessage: show('information') },
  } as Record<string, unknown>, { get: (t, p: string) => (p in t ? t[p] : any(`vscode.${p}`)) });
}

describe('client restart through vscode-languageclient', () => {
  it('each crash leaves one clear line in the output; the server is restarted; the user is told once', async () => {
    const shown: { kind: string; message: string }[] = [];
    const vscode = fakeVscode(shown);
    const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = loader._load;
    loader._load = function (request: string, ...rest: unknown[]) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
    let mod: typeof import('../../client/src/serverClient');
    try {
      mod = require('../../client/src/serverClient');
    } finally {
      loader._load = load;
    }
    const lines: string[] = [];
    const output = { appendLine: (l: string) => lines.push(l), append: (l: string) => lines.push(l), show: () => undefined } as never;
    const server = new mod.ServerClient({ asAbsolutePath: (p: string) => p } as never, output);
    const closed = () => (server as unknown as { closed(): unknown }).closed();

    // A language client as it is while running, with our error handler; what the library does on a
    // closed connection is its own code (handleConnectionClosed), run here unchanged.
    const client = Object.create(mod.GovreportLanguageClient.prototype) as Record<string, unknown> & { handleConnectionClosed(): Promise<void> };
    let restarts = 0;
    Object.assign(client, {
      _state: 'running', _stateChangeEmitter: { fire: () => undefined }, _outputChannel: output, _connection: undefined,
      _clientOptions: { errorHandler: { closed }, revealOutputChannelOn: 4 },
      cleanUp: () => undefined,
      start: async () => { restarts++; client._state = 'running'; },
    });

    for (let crash = 1; crash <= 5; crash++) {
      const before = lines.length;
      await client.handleConnectionClosed();
      const added = lines.slice(before);
      assert.equal(added.length, 1, `crash ${crash}: one line, got ${JSON.stringify(added)}`);
      if (crash <= 4) assert.match(added[0], /The report checker stopped unexpectedly and has been restarted\./);
      else assert.match(added[0], /stopped 5 times in 3 minutes and will not be restarted/);
      await new Promise((r) => setImmediate(r));
    }
    assert.equal(restarts, 4, 'restarted after each of the first four crashes');
    assert.deepEqual(shown.map((s) => s.kind), ['warning', 'error'], 'one notification for the series, one when giving up');
  });
});
