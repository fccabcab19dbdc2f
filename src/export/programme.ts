import type { EntityManager } from '@mikro-orm/postgresql';
import { CitedKind } from '../entities/enums.js';
import { Citation, Conference, ConferenceDay, Participation, Session, type Source } from '../entities/index.js';
import { ExportNotFoundError } from './errors.js';
import type { EditionInput } from './input.js';

export type ProgrammeSession = { session: Session; participants: Participation[]; children: ProgrammeSession[] };
export type ProgrammeDay = { day: ConferenceDay; chairs: Participation[]; sessions: ProgrammeSession[] };

/** One edition with everything its programme shows, loaded in a handful of queries. */
export type Programme = {
  conference: Conference;
  days: ProgrammeDay[];
  /** Top-level sessions in programme order, each with its children. */
  sessions: ProgrammeSession[];
  /** Sources cited for the edition itself, in order of first citation. */
  sources: Source[];
};

export async function loadProgramme(em: EntityManager, { series, year }: EditionInput): Promise<Programme> {
  const conference = await em.findOne(Conference, { series: { slug: series }, year }, { populate: ['series.organiser'] });
  if (!conference) throw new ExportNotFoundError(`no conference of the series "${series}" in ${year}`);

  const [days, sessions, participations, citations] = await Promise.all([
    em.find(ConferenceDay, { conference }, { orderBy: { number: 'asc' } }),
    em.find(Session, { conference }, { orderBy: { ordinal: 'asc', id: 'asc' } }),
    em.find(
      Participation,
      { $or: [{ session: { conference } }, { day: { conference } }] },
      { populate: ['person', 'position.organisation'], orderBy: { ordinal: 'asc', id: 'asc' } },
    ),
    em.find(Citation, { subjectKind: CitedKind.CONFERENCE, subjectId: conference.id }, { populate: ['source'], orderBy: { id: 'asc' } }),
  ]);

  const nodes = new Map<number, ProgrammeSession>(sessions.map((session) => [session.id, { session, participants: [], children: [] }]));
  const chairs = new Map<number, Participation[]>(days.map((day) => [day.id, []]));
  for (const participation of participations) {
    if (participation.session) nodes.get(participation.session.id)?.participants.push(participation);
    else if (participation.day) chairs.get(participation.day.id)?.push(participation);
  }
  const topLevel: ProgrammeSession[] = [];
  // Ordinals put parents before their children, so each parent is placed first.
  for (const node of nodes.values()) {
    const parent = node.session.parent && nodes.get(node.session.parent.id);
    if (parent) parent.children.push(node);
    else topLevel.push(node);
  }

  return {
    conference,
    days: days.map((day) => ({
      day,
      chairs: chairs.get(day.id)!,
      sessions: topLevel.filter((node) => node.session.day?.id === day.id),
    })),
    sessions: topLevel,
    sources: [...new Map(citations.map((citation) => [citation.source.id, citation.source])).values()],
  };
}
