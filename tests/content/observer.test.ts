// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initObserver } from '../../src/content/observer';

const ctrl: AbortController[] = [];
afterEach(() => {
  for (const c of ctrl.splice(0)) c.abort();
  document.body.replaceChildren();
});

function start() {
  const c = new AbortController();
  ctrl.push(c);
  const changed = vi.fn(async (_targets: Node[], _added: number) => {});
  const navigated = vi.fn(async () => {});
  initObserver(c.signal, { changed, navigated });
  return { changed, navigated };
}

describe('batched MutationObserver', () => {
  it('reports a burst of page mutations once, with their targets and added text', async () => {
    document.body.innerHTML = '<article id="a"><p id="p">旧文字</p></article><div id="b"></div>';
    const { changed, navigated } = start();
    for (let i = 0; i < 20; i++) {
      const p = document.createElement('p');
      p.textContent = `新增第${i}段`;
      document.getElementById('b')!.append(p);
    }
    (document.getElementById('p')!.firstChild as Text).data = '新文字';
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1), { timeout: 3000 });
    const [targets, added] = changed.mock.calls[0];
    expect(targets).toContain(document.getElementById('b'));
    expect(targets).toContain(document.getElementById('p')!.firstChild);
    expect(added).toBe(20 * 5 + 10 * 1);
    expect(navigated).not.toHaveBeenCalled();
  });

  it('ignores its own UI host and fallback marks', async () => {
    document.body.innerHTML = '<p id="p">文字</p>';
    const { changed } = start();
    document.documentElement.append(document.createElement('bulletin-lens-ui'));
    const mark = document.createElement('bl-mark');
    document.getElementById('p')!.append(mark);
    await new Promise((r) => setTimeout(r, 600));
    expect(changed).not.toHaveBeenCalled();
    document.documentElement.querySelector('bulletin-lens-ui')!.remove();
  });

  it('turns a pushState URL change into a navigation', async () => {
    document.body.innerHTML = '<div id="app"><p>甲</p></div>';
    const { changed, navigated } = start();
    history.pushState(null, '', '/story/2');
    document.getElementById('app')!.replaceChildren(Object.assign(document.createElement('p'), { textContent: '乙' }));
    await vi.waitFor(() => expect(navigated).toHaveBeenCalledTimes(1), { timeout: 3000 });
    expect(changed).not.toHaveBeenCalled();
  });
});
