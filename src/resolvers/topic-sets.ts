import type { Topic } from '../entities/index.js';
import type { Context } from '../server/context.js';

type TopicLink = { topic: { id: number } };

async function topicsOf(context: Context, links: TopicLink[]): Promise<Topic[]> {
  const ids = [...new Set(links.map((link) => link.topic.id))];
  const topics = (await context.loaders.topic.loadMany(ids)) as Topic[];
  return topics.sort((a, b) => a.name.localeCompare(b.name));
}

export async function topicsOfSession(context: Context, sessionId: number): Promise<Topic[]> {
  return topicsOf(context, await context.loaders.topicLinksOfSession.load(sessionId));
}

/** A conference's topics: its own and those of every session in its programme. */
export async function topicsOfConference(context: Context, conferenceId: number): Promise<Topic[]> {
  const { em, loaders } = context;
  const [own, sessionIds] = await Promise.all([
    loaders.topicLinksOfConference.load(conferenceId),
    em.execute<Array<{ id: number }>>('select id from session where conference_id = ?', [conferenceId]),
  ]);
  const sessionLinks = (await loaders.topicLinksOfSession.loadMany(sessionIds.map((row) => row.id))).flat() as TopicLink[];
  return topicsOf(context, [...own, ...sessionLinks]);
}

export async function topicsOfOrganisation(context: Context, organisationId: number): Promise<Topic[]> {
  return topicsOf(context, await context.loaders.topicLinksOfOrganisation.load(organisationId));
}

/** The topics of the sessions a person took part in. */
export async function topicsOfPerson(context: Context, personId: number): Promise<Topic[]> {
  const participations = await context.loaders.participationsOfPerson.load(personId);
  const sessionIds = participations.flatMap((participation) => (participation.session ? [participation.session.id] : []));
  return topicsOf(context, (await context.loaders.topicLinksOfSession.loadMany(sessionIds)).flat() as TopicLink[]);
}
