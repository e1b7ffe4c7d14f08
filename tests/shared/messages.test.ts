import { beforeEach, describe, expect, it, vi } from 'vitest';

// A minimal in-memory runtime: sendMessage delivers to every listener and takes the first answer,
// as the real browsers do.
type Listener = (msg: unknown, sender: unknown) => Promise<unknown> | undefined;
const listeners = new Set<Listener>();
function deliver(msg: unknown) {
  for (const l of listeners) {
    const r = l(structuredClone(msg), { tab: { id: 7 } });
    if (r !== undefined) return r.then((v) => structuredClone(v));
  }
  return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
}
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      onMessage: {
        addListener: (l: Listener) => listeners.add(l),
        removeListener: (l: Listener) => listeners.delete(l),
      },
      sendMessage: (msg: unknown) => deliver(msg),
    },
    tabs: { sendMessage: (_tab: number, msg: unknown) => deliver(msg) },
  },
}));

const m = await import('../../src/shared/messages');

describe('typed messages', () => {
  beforeEach(() => listeners.clear());

  it('round-trips content → background with the sender', async () => {
    m.handleFromContent({
      ping: (msg) => ({ sent: msg.sent, received: 42, from: 'background' }),
      'content:load': () => ({ injected: false }),
      'page:report': (_msg, sender) => ({ stored: sender.tab?.id === 7 }),
      'annotations:list': () => [],
      'annotation:save': (msg) => ({ id: msg.annotation.id }),
      'annotation:delete': () => ({ deleted: false }),
    });
    const r = await m.sendToBackground({ type: 'ping', sent: 5 });
    expect(r).toEqual({ ok: true, value: { sent: 5, received: 42, from: 'background' } });
  });

  it('answers only its own direction', async () => {
    m.handleFromPopup({
      'summary:get': () => {
        throw new Error('popup handler must not see content messages');
      },
      'types:set': (msg) => ({ enabled: msg.enabled }),
      'annotation:reveal': () => ({ found: true }),
      'annotations:reload': () => ({ anchored: 0, orphaned: 0 }),
      'page:analyse': () => {
        throw new Error('not asked');
      },
    });
    const r = await m.sendToBackground({ type: 'ping', sent: 1 });
    expect(r.ok).toBe(false);
    const t = await m.sendToTab(3, { type: 'types:set', enabled: ['person'] });
    expect(t).toEqual({ ok: true, value: { enabled: ['person'] } });
  });

  it('turns a throwing handler and an unknown type into errors, not exceptions', async () => {
    m.handleFromBackground({
      'selection:highlight': () => {
        throw new Error('nothing selected');
      },
    });
    expect(await m.sendFromBackground(1, { type: 'selection:highlight' })).toEqual({
      ok: false,
      error: 'nothing selected',
    });
    const unknown = await m.sendFromBackground(1, { type: 'nope' } as never);
    expect(unknown).toEqual({ ok: false, error: 'unknown message type: nope' });
    // Keys of Object.prototype are not handlers.
    const proto = await m.sendFromBackground(1, { type: 'constructor' } as never);
    expect(proto).toEqual({ ok: false, error: 'unknown message type: constructor' });
  });

  it('stops listening after cleanup', async () => {
    const stop = m.handleFromBackground({ 'selection:highlight': () => ({ created: true }) });
    stop();
    const r = await m.sendFromBackground(1, { type: 'selection:highlight' });
    expect(r.ok).toBe(false);
  });
});
