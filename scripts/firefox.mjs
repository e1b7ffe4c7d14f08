// Firefox with the extension, driven over WebDriver BiDi (stock Firefox speaks it; Playwright's Firefox
// needs its own patched build). Used by tests/e2e/firefox.test.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

export function firefoxPath() {
  const p = process.env.BL_FIREFOX ?? CANDIDATES.find((c) => existsSync(c));
  if (!p) throw new Error(`Firefox not found (tried ${CANDIDATES.join(', ')}; set BL_FIREFOX, or apt-get install firefox-esr)`);
  return p;
}

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function connect(url, timeout = 30_000) {
  const t0 = Date.now();
  for (;;) {
    try {
      const ws = new WebSocket(url);
      await new Promise((ok, fail) => {
        ws.once('open', ok);
        ws.once('error', fail);
      });
      return ws;
    } catch (e) {
      if (Date.now() - t0 > timeout) throw new Error(`Firefox did not open its remote agent: ${e.message}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Headless Firefox with `dist` installed as a temporary add-on; returns a small BiDi client. */
export async function launchFirefoxWithExtension(dist) {
  const profile = mkdtempSync(join(tmpdir(), 'bl-ff-profile-'));
  const port = await freePort();
  const proc = spawn(firefoxPath(), ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', String(port)], {
    stdio: 'ignore',
  });
  const ws = await connect(`ws://127.0.0.1:${port}/session`);
  let next = 0;
  const waiting = new Map();
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    const w = msg.id !== undefined && waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.type === 'error') w.fail(new Error(`${msg.error}: ${msg.message}`));
    else w.ok(msg.result);
  });
  const send = (method, params = {}) =>
    new Promise((ok, fail) => {
      const id = ++next;
      waiting.set(id, { ok, fail });
      ws.send(JSON.stringify({ id, method, params }));
    });
  await send('session.new', { capabilities: {} });
  const { extension } = await send('webExtension.install', { extensionData: { type: 'path', path: resolve(dist) } });
  const { contexts } = await send('browsingContext.getTree');
  const context = contexts[0].context;
  return {
    extension,
    send,
    goto: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    /** Evaluates an expression in the page (its own world) and returns its value (JSON-serialisable). */
    evaluate: async (expression) => {
      const r = await send('script.evaluate', { target: { context }, expression, awaitPromise: true });
      if (r.type === 'exception') throw new Error(r.exceptionDetails?.text ?? 'exception in page');
      return r.result?.value;
    },
    /** A real (trusted) mouse gesture in the page: a press at `from`, moved to `to`, released (viewport px). */
    mouse: (from, to = from) =>
      send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [
              { type: 'pointerMove', x: Math.round(from.x), y: Math.round(from.y) },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerMove', x: Math.round(to.x), y: Math.round(to.y), duration: 100 },
              { type: 'pointerUp', button: 0 },
            ],
          },
        ],
      }),
    async close() {
      ws.close();
      proc.kill();
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
