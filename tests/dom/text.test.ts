// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { extractText } from '../../src/dom/text';

beforeEach(() => {
  document.body.replaceChildren();
  document.head.replaceChildren();
});

function html(s: string) {
  // Test-authored markup only.
  document.body.innerHTML = s;
}

describe('extractText', () => {
  it('joins blocks with line breaks and keeps inline text together', () => {
    html('<h1>标题</h1>\n<p>第一段<b>加粗</b>文字</p>\n<p>第二段</p>');
    const m = extractText(document.body);
    expect(m.text).toBe('标题\n第一段加粗文字\n第二段\n');
  });

  it('treats <br> as a break and keeps one break per <br>', () => {
    html('<div><span>一行</span><br><br><span>二行</span><br></div>');
    expect(extractText(document.body).text).toBe('一行\n\n二行\n');
  });

  it('skips script, style, noscript, form controls, contenteditable, hidden and our own UI', () => {
    html(
      '<p>可见</p><script>var x="脚本"</script><style>p{}</style><noscript>无脚本</noscript>' +
        '<textarea>输入框</textarea><select><option>选项</option></select><button>按钮</button>' +
        '<div contenteditable="true">可编辑</div><div contenteditable="false">不可编辑</div>' +
        '<p hidden>隐藏属性</p><p style="display:none">不显示</p><p style="visibility:hidden">不可见</p>' +
        '<bulletin-lens-ui>界面</bulletin-lens-ui><p>结尾</p>',
    );
    const t = extractText(document.body).text;
    expect(t).toBe('可见\n不可编辑\n结尾\n');
  });

  it('reads open shadow roots with slotted content in flat-tree order', () => {
    html('<p>前</p><x-card><span slot="title">投影标题</span></x-card><p>后</p>');
    const host = document.querySelector('x-card')!;
    const root = host.attachShadow({ mode: 'open' });
    const h = document.createElement('h2');
    h.append(document.createElement('slot'));
    (h.firstChild as HTMLSlotElement).name = 'title';
    const p = document.createElement('p');
    p.textContent = '影子正文';
    root.append(h, p);
    const m = extractText(document.body);
    expect(m.text).toBe('前\n投影标题\n影子正文\n后\n');
  });

  it('maps offsets to Ranges across inline elements and back', () => {
    html('<p>甘肃<b>平凉</b>市政协</p>');
    const m = extractText(document.body);
    const at = m.text.indexOf('平凉市');
    const [r] = m.rangesFor(at, at + 3);
    expect(r.toString()).toBe('平凉市');
    expect(m.offsetOf(r.startContainer, r.startOffset)).toBe(at);
    expect(m.offsetOf(r.endContainer, r.endOffset)).toBe(at + 3);
    // An element position maps to its first text.
    expect(m.offsetOf(document.querySelector('p')!, 1)).toBe(at);
  });

  it('splits a range that would cross a shadow boundary', () => {
    html('<p>外面文字</p><x-box></x-box>');
    const root = document.querySelector('x-box')!.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = '里面文字';
    root.append(p);
    const m = extractText(document.body);
    const rs = m.rangesFor(2, m.text.indexOf('里面') + 2);
    expect(rs.map((r) => r.toString())).toEqual(['文字', '里面']);
  });

  it('honours an include filter', () => {
    html('<p>正文一</p><p class="ad">广告</p><p>正文二</p>');
    const ad = document.querySelector('.ad')!.firstChild;
    const m = extractText(document.body, { include: (t) => t !== ad });
    expect(m.text).toBe('正文一\n正文二\n');
  });
});
