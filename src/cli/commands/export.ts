import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { exportNames, prepareExport, type ExportName } from '../../export/catalogue.js';
import { ExportInputError, ExportNotFoundError } from '../../export/errors.js';
import { UsageError, type Command } from '../command.js';
import { withDatabase } from './database.js';

/** Which export parameter each option sets; an option an export does not take is a usage error. */
const parameterOf: Record<ExportName, Record<string, string>> = {
  'conferences.csv': {},
  'sessions.csv': {
    kind: 'kind',
    topic: 'topicSlug',
    person: 'personId',
    organisation: 'organisationId',
    role: 'role',
    'position-title': 'positionTitle',
    rank: 'rank',
    'from-year': 'fromYear',
    'to-year': 'toYear',
  },
  'topic-timeline.csv': { topic: 'topicSlugs', series: 'seriesSlug', 'from-year': 'fromYear', 'to-year': 'toYear' },
  'conference.jsonld': { series: 'series', year: 'year' },
  'conference.ics': { series: 'series', year: 'year' },
};

const options = {
  out: { type: 'string', short: 'o' },
  series: { type: 'string' },
  year: { type: 'string' },
  // Repeatable for the timeline (--topic a --topic b); commas work too.
  topic: { type: 'string', multiple: true },
  kind: { type: 'string' },
  person: { type: 'string' },
  organisation: { type: 'string' },
  role: { type: 'string' },
  'position-title': { type: 'string' },
  rank: { type: 'string' },
  'from-year': { type: 'string' },
  'to-year': { type: 'string' },
} as const;

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    // node:util says "Unknown option '--foo'" and the like: the caller's mistake.
    throw new UsageError((error as Error).message);
  }
}

function parametersFor(name: ExportName, values: Record<string, string | string[] | undefined>): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (const [option, value] of Object.entries(values)) {
    if (option === 'out' || value === undefined) continue;
    const parameter = parameterOf[name][option];
    if (!parameter) throw new UsageError(`--${option} does not apply to ${name}`);
    if (Array.isArray(value) && value.length > 1 && name !== 'topic-timeline.csv') throw new UsageError(`${name} takes one --${option}`);
    parameters[parameter] = Array.isArray(value) ? value.join(',') : value;
  }
  return parameters;
}

/** Validates before the database opens (an embedded one takes seconds to start), naming options as typed. */
function prepare(name: ExportName, parameters: Record<string, string>) {
  try {
    return prepareExport(name, parameters);
  } catch (error) {
    if (!(error instanceof ExportInputError)) throw error;
    const option = Object.entries(parameterOf[name]).find(([, parameter]) => parameter === error.parameter)?.[0];
    throw new UsageError(option ? error.message.replace(`${error.parameter}:`, `--${option}:`) : error.message);
  }
}

export const exportCommand: Command = {
  usage: `export ${exportNames.join('|')} [--series sms --year 2007] [--topic SLUG]... [--out FILE]`,
  summary:
    "write an analysts' export (CSV, JSON-LD, iCalendar) to stdout or --out FILE; sessions.csv also takes --kind --person --organisation --role --position-title --rank --from-year --to-year",
  run: async (context) => {
    const { positionals, values } = parseOptions(context.args);
    const [name, ...extra] = positionals;
    if (!name || !exportNames.includes(name as ExportName)) throw new UsageError(`export needs one of ${exportNames.join(', ')}`);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    // Edition exports name the edition with options, as the URL path does.
    if (name.startsWith('conference.') && (!values.series || !values.year)) throw new UsageError(`${name} needs --series and --year`);
    const render = prepare(name as ExportName, parametersFor(name as ExportName, values));

    return withDatabase(context, async ({ orm }) => {
      let file;
      try {
        file = await render(orm.em.fork());
      } catch (error) {
        if (error instanceof ExportInputError) throw new UsageError(error.message);
        // A missing edition is a plain failure (exit 1), not a usage error and not a bug.
        if (error instanceof ExportNotFoundError) {
          console.error(`error: ${error.message}`);
          return 1;
        }
        throw error;
      }
      if (values.out) {
        await writeFile(values.out, file.body, 'utf8');
        context.logger.info(`wrote ${file.filename} to ${values.out}`);
      } else {
        process.stdout.write(file.body);
      }
      return 0;
    });
  },
};
