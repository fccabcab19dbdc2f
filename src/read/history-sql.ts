import { ClaimStatus, Role } from '../entities/enums.js';
import { nodeTypes } from '../schema/global-id.js';
import { NotCompiled, type FieldSql, type RecordSql } from './compilation.js';
import { connectionJson } from './connection-sql.js';
import { column, toMany, toOne } from './field-sql.js';
import { allOf, idOf, present } from './filters-sql.js';

/** An import id as the resolvers accept it; any other text is theirs to refuse. */
const IMPORT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A timestamptz column as the DateTimeISO scalar writes it (Date.toISOString):
 * UTC, milliseconds, the microseconds PostgreSQL keeps cut off as the driver
 * cuts them when it reads the value into a Date.
 */
export const instant =
  (name: string): FieldSql =>
  (_compilation, row) =>
    `to_char(date_trunc('milliseconds', ${row}.${name}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const nodeTypeList = nodeTypes.map((type) => `'${type}'`).join(', ');

/** The global id of the record a row names by type and id; records without global ids (citations) by their plain number. */
const recordId: FieldSql = (_compilation, row) =>
  `case when ${row}.record_type in (${nodeTypeList})
     then encode(convert_to(${row}.record_type || ':' || ${row}.record_id, 'UTF8'), 'base64') else ${row}.record_id::text end`;

export const changeRecord: RecordSql = {
  table: 'change',
  fields: {
    at: instant('at'),
    actor: column('actor'),
    action: column('action'),
    recordType: column('record_type'),
    recordId,
    changedFields: column('changed_fields'),
    before: column('before'),
    after: column('after'),
    importId: column('import_id'),
    note: column('note'),
  },
};

export const claimRecord: RecordSql = {
  table: 'claim',
  fields: {
    id: (_compilation, row) => `${row}.id::text`,
    recordType: column('record_type'),
    recordId,
    field: column('field'),
    value: column('value'),
    heldValue: column('held_value'),
    source: toOne('Source', 'source_id'),
    excerpt: column('excerpt'),
    status: column('status'),
    importId: column('import_id'),
    createdAt: instant('created_at'),
    createdBy: column('created_by'),
    decidedAt: instant('decided_at'),
    decidedBy: column('decided_by'),
  },
};

/** The `claims` field of a claimable type: the claims on the record, oldest first. */
export const claimsOf = (typeName: string): FieldSql =>
  toMany('Claim', (owner, claim) => `${claim}.record_type = '${typeName}' and ${claim}.record_id = ${owner}.id`, (claim) => `${claim}.id`);

/** Query.changes: the history, newest first, narrowed to a record, an actor or an import. */
export const changesRoot: FieldSql = (compilation, _row, field) => {
  const { params } = compilation;
  const { recordId: record, actor, importId } = field.args;
  const conditions: string[] = [];
  if (present(record)) {
    const { type, id } = idOf(record);
    conditions.push(`x.record_type = ${params.bind(type, 'text')} and x.record_id = ${params.bind(id, 'int')}`);
  }
  if (present(actor)) conditions.push(`x.actor = ${params.bind(actor, 'text')}`);
  if (present(importId)) {
    if (typeof importId !== 'string' || !IMPORT_ID.test(importId)) throw new NotCompiled('an import id the resolvers refuse');
    conditions.push(`x.import_id = ${params.bind(importId, 'uuid')}`);
  }
  return connectionJson(compilation, field, { nodeType: 'Change', row: 'x', from: 'change x', where: allOf(conditions), order: 'x.id desc' });
};

/**
 * Query.claims, for editors only: without the EDITOR role the statement is
 * not compiled, and the resolvers refuse the request in their words.
 */
export const claimsRoot: FieldSql = (compilation, _row, field) => {
  if (!compilation.roles.has(Role.EDITOR)) throw new NotCompiled('claims needs the EDITOR role');
  const status = field.args.status ?? ClaimStatus.OPEN;
  return connectionJson(compilation, field, {
    nodeType: 'Claim',
    row: 'x',
    from: 'claim x',
    where: `x.status = ${compilation.params.bind(status, 'claim_status')}`,
    order: 'x.id',
  });
};
