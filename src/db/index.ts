// Dexie database of the extension origin. Placeholder schema v1; see schema.ts once it lands.
import Dexie, { type Table } from 'dexie';
import type { Annotation } from '../shared/annotation';

interface Row extends Annotation {
  source?: string;
}

class BulletinDb extends Dexie {
  annotations!: Table<Row, string>;
  constructor() {
    super('bulletin-lens');
    this.version(1).stores({ annotations: 'id, source' });
  }
}

export const db = new BulletinDb();
