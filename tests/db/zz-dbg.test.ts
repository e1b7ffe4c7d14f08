import 'fake-indexeddb/auto';
import { it } from 'vitest';
import { openRepository } from '../../src/db';
import { makeAnnotation } from './fixtures';
it('dbg', async () => {
  const walk = openRepository('dbg9', undefined, { readRowsBelow: 0, walkWindow: 1 });
  const rows = openRepository('dbg9', undefined, { readRowsBelow: Infinity });
  for (let i = 0; i < 12; i++) await walk.saveAnnotation(makeAnnotation({ quote: `第${i}条`, note: i < 8 ? '旧档' : '', created: new Date(Date.UTC(2024, 0, 1 + (i % 3 === 0 ? i - 1 : i))).toISOString() }));
  const f = (r: Awaited<ReturnType<typeof walk.search>>) => r.items.map((a) => `${a.created.slice(5, 10)} ${a.id.slice(-2)}`).join(' | ');
  console.log('walk', f(await walk.search({ text: '档', limit: 3 })));
  console.log('rows', f(await rows.search({ text: '档', limit: 3 })));
  console.log('all ', f(await rows.search({ text: '档' })));
  const t = walk.db.annotations;
  console.log('idx', (await t.where('created').between('', '\uffff', true, true).reverse().limit(12).primaryKeys()).map((k) => String(k).slice(-2)).join(' '));
  console.log('idx-nolimit', (await t.where('created').between('', '\uffff', true, true).reverse().primaryKeys()).map((k) => String(k).slice(-2)).join(' '));
});
