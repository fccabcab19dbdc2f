/**
 * join-monster, the kept library that compiles GraphQL selections into SQL,
 * measured beside Lekgotla's own compiler (src/read/) on shapes 1–3, as
 * issue 14 asks: "evaluate the kept library first … choose by measurement".
 *
 * A graphql-js schema of the types those shapes read, each field carrying
 * join-monster's extensions (its table, its join, its order), answered by
 * one joinMonster() call at the root: join-monster writes the statement(s)
 * with JOINs, pg runs them, join-monster nests the flat rows into the answer.
 * Served by a bare node:http server with parsed-and-validated documents
 * cached, so what is measured is join-monster's planning, SQL and hydration.
 *
 *   POST /graphql   {"query": …, "variables": …}
 *   GET  /__bench/statements   statements sent so far (bench/pg-counter.ts)
 *
 *   node bench/join-monster.ts --database postgresql://… --port 4104
 */
import {
  GraphQLBoolean,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  execute,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldConfig,
  type GraphQLResolveInfo,
} from 'graphql';
import joinMonsterModule from 'join-monster';
import { createServer, type IncomingMessage } from 'node:http';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { countPgStatements, serveStatementCount } from './pg-counter.ts';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: process.env.DATABASE_URL },
    port: { type: 'string', default: '4104' },
    'pool-size': { type: 'string', default: '10' },
  },
});
if (!values.database) throw new Error('join-monster: --database (or DATABASE_URL) is required');

countPgStatements();
const pool = new pg.Pool({ connectionString: values.database, max: Number(values['pool-size']) });

/** join-monster inlines argument values into its SQL; the bench's are integers and slugs, quoted here. */
const literal = (value: unknown) => (typeof value === 'number' ? String(Math.trunc(value)) : `'${String(value).replace(/'/g, "''")}'`);

/** A column of the row, read under its snake_case name. */
const column = (type: GraphQLFieldConfig<unknown, unknown>['type'], sqlColumn: string): GraphQLFieldConfig<unknown, unknown> => ({
  type,
  extensions: { joinMonster: { sqlColumn } },
});

const Organisation = new GraphQLObjectType({
  name: 'Organisation',
  extensions: { joinMonster: { sqlTable: 'organisation', uniqueKey: 'id' } },
  fields: { name: column(GraphQLString, 'name'), acronym: column(GraphQLString, 'acronym') },
});

const Position = new GraphQLObjectType({
  name: 'Position',
  extensions: { joinMonster: { sqlTable: 'position', uniqueKey: 'id' } },
  fields: {
    title: column(GraphQLString, 'title'),
    asOf: { type: GraphQLString, extensions: { joinMonster: { sqlExpr: (position) => `to_char(${position}.as_of, 'YYYY-MM-DD')` } } },
    acting: column(GraphQLBoolean, 'acting'),
    organisation: { type: Organisation, extensions: { joinMonster: { sqlJoin: (position, organisation) => `${position}.organisation_id = ${organisation}.id` } } },
  },
});

const Conference: GraphQLObjectType = new GraphQLObjectType({
  name: 'Conference',
  extensions: { joinMonster: { sqlTable: 'conference', uniqueKey: 'id' } },
  fields: () => ({
    title: column(GraphQLString, 'title'),
    year: column(GraphQLInt, 'year'),
    // Lekgotla and the other servers answer dates as ISO text.
    startDate: { type: GraphQLString, extensions: { joinMonster: { sqlExpr: (conference) => `to_char(${conference}.start_date, 'YYYY-MM-DD')` } } },
    endDate: { type: GraphQLString, extensions: { joinMonster: { sqlExpr: (conference) => `to_char(${conference}.end_date, 'YYYY-MM-DD')` } } },
    days: {
      type: new GraphQLList(Day),
      extensions: { joinMonster: { orderBy: { number: 'asc', id: 'asc' }, sqlJoin: (conference, day) => `${day}.conference_id = ${conference}.id` } },
    },
  }),
});

const Day: GraphQLObjectType = new GraphQLObjectType({
  name: 'ConferenceDay',
  extensions: { joinMonster: { sqlTable: 'conference_day', uniqueKey: 'id' } },
  fields: () => ({
    number: column(GraphQLInt, 'number'),
    subTheme: column(GraphQLString, 'sub_theme'),
    conference: { type: Conference, extensions: { joinMonster: { sqlJoin: (day, conference) => `${day}.conference_id = ${conference}.id` } } },
    chair: {
      type: Participation,
      extensions: { joinMonster: { sqlJoin: (day, chair) => `${chair}.day_id = ${day}.id and ${chair}.role = 'CHAIRPERSON'` } },
    },
    sessions: {
      type: new GraphQLList(Session),
      extensions: {
        joinMonster: { orderBy: { ordinal: 'asc', id: 'asc' }, sqlJoin: (day, session) => `${session}.day_id = ${day}.id and ${session}.parent_id is null` },
      },
    },
  }),
});

const sessionFields = () => ({
  kind: column(GraphQLString, 'kind'),
  title: column(GraphQLString, 'title'),
  number: column(GraphQLInt, 'number'),
  description: column(GraphQLString, 'description'),
  conference: { type: Conference, extensions: { joinMonster: { sqlJoin: (session: string, conference: string) => `${session}.conference_id = ${conference}.id` } } },
  participants: {
    type: new GraphQLList(Participation),
    extensions: {
      joinMonster: { orderBy: { ordinal: 'asc', id: 'asc' } as const, sqlJoin: (session: string, participation: string) => `${participation}.session_id = ${session}.id` },
    },
  },
  children: {
    type: new GraphQLList(Session),
    // Joined in, the children's nested participants come back with positions missing their organisation
    // (join-monster 4.0.1 hydrates the same position id once per answer); batched, they come back whole.
    extensions: { joinMonster: { orderBy: { ordinal: 'asc', id: 'asc' } as const, sqlBatch: { thisKey: 'parent_id', parentKey: 'id' } } },
  },
});

const Session: GraphQLObjectType = new GraphQLObjectType({
  name: 'Session',
  extensions: { joinMonster: { sqlTable: '"session"', uniqueKey: 'id' } },
  fields: sessionFields,
});

/** A session with its edition's year beside it: join-monster orders only by the listed table's own columns. */
const SessionInProgramme: GraphQLObjectType = new GraphQLObjectType({
  name: 'SessionInProgramme',
  extensions: {
    joinMonster: { sqlTable: '(select s.*, c.year as conference_year from "session" s join conference c on c.id = s.conference_id)', uniqueKey: 'id' },
  },
  fields: sessionFields,
});

const Person: GraphQLObjectType = new GraphQLObjectType({
  name: 'Person',
  extensions: { joinMonster: { sqlTable: 'person', uniqueKey: 'id' } },
  fields: () => ({
    displayName: column(GraphQLString, 'display_name'),
    surname: column(GraphQLString, 'surname'),
    positions: {
      type: new GraphQLList(Position),
      extensions: { joinMonster: { orderBy: { as_of: 'asc', id: 'asc' }, sqlJoin: (person, position) => `${position}.person_id = ${person}.id` } },
    },
    participations: {
      type: new GraphQLList(Participation),
      extensions: { joinMonster: { orderBy: { id: 'asc' }, sqlJoin: (person, participation) => `${participation}.person_id = ${person}.id` } },
    },
  }),
});

const Participation: GraphQLObjectType = new GraphQLObjectType({
  name: 'Participation',
  extensions: { joinMonster: { sqlTable: 'participation', uniqueKey: 'id' } },
  fields: () => ({
    role: column(GraphQLString, 'role'),
    person: { type: Person, extensions: { joinMonster: { sqlJoin: (participation, person) => `${participation}.person_id = ${person}.id` } } },
    position: { type: Position, extensions: { joinMonster: { sqlJoin: (participation, position) => `${participation}.position_id = ${position}.id` } } },
    session: { type: Session, extensions: { joinMonster: { sqlJoin: (participation, session) => `${participation}.session_id = ${session}.id` } } },
    day: { type: Day, extensions: { joinMonster: { sqlJoin: (participation, day) => `${participation}.day_id = ${day}.id` } } },
  }),
});

// A CommonJS module compiled from ES modules: Node hands its whole `exports` to a default import.
const joinMonster = joinMonsterModule.default;

const answer = (info: GraphQLResolveInfo) =>
  joinMonster(info, {}, async (sql: string) => (await pool.query(sql)).rows, { dialect: 'pg' });

const Query = new GraphQLObjectType({
  name: 'Query',
  fields: {
    conference: {
      type: Conference,
      args: { seriesSlug: { type: new GraphQLNonNull(GraphQLString) }, year: { type: new GraphQLNonNull(GraphQLInt) } },
      extensions: {
        joinMonster: {
          where: (conference, args: { seriesSlug: string; year: number }) =>
            `${conference}.year = ${literal(args.year)} and ${conference}.series_id = (select id from conference_series where slug = ${literal(args.seriesSlug)})`,
        },
      },
      resolve: (_root, _args, _context, info) => answer(info),
    },
    // Shape 2 as PostGraphile's bench function has it: a topic's sessions in a year range, in programme order.
    sessions: {
      type: new GraphQLList(SessionInProgramme),
      args: {
        topicSlug: { type: new GraphQLNonNull(GraphQLString) },
        fromYear: { type: new GraphQLNonNull(GraphQLInt) },
        toYear: { type: new GraphQLNonNull(GraphQLInt) },
        first: { type: new GraphQLNonNull(GraphQLInt) },
      },
      extensions: {
        joinMonster: {
          orderBy: { conference_year: 'asc', conference_id: 'asc', ordinal: 'asc', id: 'asc' },
          limit: (args: { first: number }) => args.first,
          where: (session, args: { topicSlug: string; fromYear: number; toYear: number }) =>
            `${session}.conference_year between ${literal(args.fromYear)} and ${literal(args.toYear)}
             and exists (select 1 from session_topic st join topic t on t.id = st.topic_id
                          where st.session_id = ${session}.id and t.slug = ${literal(args.topicSlug)})`,
        },
      },
      resolve: (_root, _args, _context, info) => answer(info),
    },
    person: {
      type: Person,
      args: { id: { type: new GraphQLNonNull(GraphQLInt) } },
      extensions: { joinMonster: { where: (person, args: { id: number }) => `${person}.id = ${literal(args.id)}` } },
      resolve: (_root, _args, _context, info) => answer(info),
    },
  },
});

const schema = new GraphQLSchema({ query: Query });
const documents = new Map<string, DocumentNode>();

/** Parsed and validated once per query text, as Apollo's document cache does for Lekgotla. */
function documentOf(query: string): DocumentNode {
  let document = documents.get(query);
  if (!document) {
    document = parse(query);
    const errors = validate(schema, document);
    if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('; '));
    documents.set(query, document);
  }
  return document;
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const server = createServer((request, response) => {
  if (serveStatementCount(request, response)) return;
  if (request.method !== 'POST' || request.url !== '/graphql') {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[{"message":"POST /graphql"}]}');
    return;
  }
  body(request)
    .then(async (text) => {
      const { query, variables } = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
      const result = await execute({ schema, document: documentOf(query), variableValues: variables });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(result));
    })
    .catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
    });
});

await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
process.stdout.write(`join-monster listening on http://127.0.0.1:${values.port}/graphql\n`);

const stop = async () => {
  server.close();
  server.closeAllConnections();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
