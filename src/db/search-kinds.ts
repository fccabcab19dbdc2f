import type { HitKind } from './search-postings-sql.js';

/**
 * Every kind of search hit and the document tables it is found by, as the
 * migrations up to search_related_documents left them: the tables whose
 * postings a bulk load rebuilds in one pass (src/synth/derived-data.ts).
 */
export const searchHitKinds: readonly HitKind[] = [
  {
    kind: 'conference',
    documents: [
      { table: 'conference', hit: 'id' },
      { table: 'objective', hit: 'conference_id' },
    ],
  },
  {
    kind: 'session',
    documents: [
      { table: 'session', hit: 'id' },
      { table: 'search_context_session', hit: 'session_id', key: 'session_id' },
    ],
  },
  { kind: 'person', documents: [{ table: 'person', hit: 'id' }] },
  { kind: 'organisation', documents: [{ table: 'organisation', hit: 'id' }] },
  { kind: 'source', documents: [{ table: 'source', hit: 'id' }] },
  {
    kind: 'position',
    documents: [
      {
        table: 'search_document_position',
        hit: 'position_id',
        key: 'position_id',
      },
    ],
  },
];
