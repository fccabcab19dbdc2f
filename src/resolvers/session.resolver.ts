import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Citation, Conference, ConferenceDay, Participation, Session, Topic, TopicAssignment } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { CitedKind, ParticipationRole } from '../entities/enums.js';
import type { Context } from '../context.js';
import { SessionConnection } from './connections.js';
import { SessionFilter } from './filters.input.js';
import { PageArgs } from './page.args.js';
import { findSessions } from './session-query.js';
import { topicsOfSession } from './topic-sets.js';

@Resolver(() => Session)
export class SessionResolver {
  @Query(() => SessionConnection, { description: 'Sessions in programme order: editions oldest first, each programme as printed.' })
  sessions(
    @Ctx() { em }: Context,
    @Info() info: GraphQLResolveInfo,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => SessionFilter, { nullable: true, description: 'Which sessions to list; all of them when absent.' }) filter?: SessionFilter,
  ) {
    return findSessions(em, page, filter, info);
  }

  @FieldResolver(() => Conference, { description: 'The edition the session belongs to.' })
  conference(@Root() session: Columns<Session>, @Ctx() { loaders }: Context) {
    return loaders.conference.get(session.conference.id);
  }

  @FieldResolver(() => ConferenceDay, { nullable: true, description: 'The day the session was held on; null when the programme does not say.' })
  day(@Root() session: Columns<Session>, @Ctx() { loaders }: Context) {
    return session.day ? loaders.day.get(session.day.id) : null;
  }

  @FieldResolver(() => Session, { nullable: true, description: "The session this one is part of (a commission's breakaway); null for a top-level session." })
  parent(@Root() session: Columns<Session>, @Ctx() { loaders }: Context) {
    return session.parent ? loaders.session.get(session.parent.id) : null;
  }

  @FieldResolver(() => [Session], { description: "The sessions within this one (a breakaway's commissions), in programme order." })
  children(@Root() session: Columns<Session>, @Ctx() { loaders }: Context) {
    return loaders.childrenOfSession.load(session.id);
  }

  @FieldResolver(() => [Topic], { description: 'The topics of the session, curated or matched in its text.' })
  topics(@Root() session: Columns<Session>, @Ctx() context: Context) {
    return topicsOfSession(context, session.id);
  }

  @FieldResolver(() => [TopicAssignment], { description: 'Each topic with the evidence for it: the phrase, and whether curated or matched.' })
  topicAssignments(@Root() session: Columns<Session>, @Ctx() { loaders }: Context) {
    return loaders.topicLinksOfSession.load(session.id);
  }

  @FieldResolver(() => [Participation], { description: 'Everyone who took part, in programme order.' })
  async participants(
    @Root() session: Columns<Session>,
    @Ctx() { loaders }: Context,
    @Arg('role', () => ParticipationRole, { nullable: true, description: 'Only those in this role, e.g. PRESENTER.' }) role?: ParticipationRole,
  ) {
    const all = await loaders.participationsOfSession.load(session.id);
    return role ? all.filter((participation) => participation.role === role) : all;
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support the facts about this session.' })
  citations(@Root() session: Columns<Session>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.SESSION}:${session.id}`);
  }
}
