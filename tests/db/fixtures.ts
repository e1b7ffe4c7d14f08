import type { Annotation, ArticleRef, PageSummary } from '../../src/shared/annotation';

let n = 0;
export function uuid(): string {
  n++;
  return `urn:uuid:00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface Make {
  url?: string;
  quote?: string;
  note?: string;
  tags?: string[];
  start?: number;
  created?: string;
  modified?: string;
  article?: ArticleRef | null;
  title?: string;
  id?: string;
}

export function makeAnnotation(m: Make = {}): Annotation {
  const created = m.created ?? '2024-04-18T09:00:00.000Z';
  const start = m.start ?? 10;
  const quote = m.quote ?? '';
  return {
    id: m.id ?? uuid(),
    target: {
      source: m.url ?? 'https://news.example.cn/a.html',
      selector: quote
        ? [
            { type: 'TextQuoteSelector', exact: quote, prefix: '前文', suffix: '后文' },
            { type: 'TextPositionSelector', start, end: start + quote.length },
          ]
        : [],
      article: m.article === undefined ? null : m.article,
      title: m.title ?? '酒泉市政协召开十届二次常委会会议',
    },
    body: { note: m.note ?? '', tags: m.tags ?? [], colour: 'yellow' },
    motivation: quote ? 'highlighting' : 'commenting',
    created,
    modified: m.modified ?? created,
  };
}

export const ARTICLE: ArticleRef = {
  index: 0,
  title: '酒泉市政协召开十届二次常委会会议',
  dateline: '本报酒泉讯（记者 秦立峰 通讯员 周婉清）4月17日',
  reporters: ['秦立峰', '周婉清'],
  date: '2024年4月17日',
};

export function makeSummary(url = 'https://news.example.cn/a.html'): PageSummary {
  return {
    url,
    title: '酒泉市政协召开十届二次常委会会议_陇原资讯网',
    mode: 'article',
    analysed: true,
    articles: [
      {
        ...ARTICLE,
        subtitle: null,
        kind: 'report',
        continued: false,
        counts: { person: 3, place: 1 },
        entities: [
          { type: 'person', text: '杜文斌', count: 2 },
          { type: 'place', text: '酒泉市', count: 3 },
        ],
      },
    ],
    counts: { person: 3, place: 1 },
    orphaned: [],
  };
}

let dbn = 0;
export const freshName = (): string => `bl-test-${process.pid}-${++dbn}`;
