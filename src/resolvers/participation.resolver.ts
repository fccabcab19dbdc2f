import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Citation, ConferenceDay, Participation, Person, Position, Session } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { CitedKind } from '../entities/enums.js';
import type { Context } from '../context.js';
import { ParticipationConnection } from './connections.js';
import { ParticipationFilter } from './filters.input.js';
import { PageArgs } from './page.args.js';
import { findParticipations } from './participation-query.js';

@Resolver(() => Participation)
export class ParticipationResolver {
  @Query(() => ParticipationConnection, {
    description:
      'Participations (a person in a role at a session, or chairing a day) in the order they happened: editions by start date (undated ones by year), ' +
      'then day, a day\'s chair first, then the sessions in programme order, each listing its people as printed.',
  })
  participations(
    @Ctx() context: Context,
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => ParticipationFilter, { nullable: true, description: 'Which participations to list; all of them when absent.' }) filter?: ParticipationFilter,
  ) {
    return findParticipations(context, page, filter);
  }

  @FieldResolver(() => Person, { description: 'Who took part.' })
  person(@Root() participation: Columns<Participation>, @Ctx() { loaders }: Context) {
    return loaders.person.get(participation.person.id);
  }

  @FieldResolver(() => Session, { nullable: true, description: 'The session taken part in; null for the chair of a whole day.' })
  session(@Root() participation: Columns<Participation>, @Ctx() { loaders }: Context) {
    return participation.session ? loaders.session.get(participation.session.id) : null;
  }

  @FieldResolver(() => ConferenceDay, { nullable: true, description: 'The day chaired, for a chairperson of a whole day.' })
  day(@Root() participation: Columns<Participation>, @Ctx() { loaders }: Context) {
    return participation.day ? loaders.day.get(participation.day.id) : null;
  }

  @FieldResolver(() => Position, { nullable: true, description: 'The position the source gave the person here, if it gave one.' })
  position(@Root() participation: Columns<Participation>, @Ctx() { loaders }: Context) {
    return participation.position ? loaders.position.get(participation.position.id) : null;
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support this participation.' })
  citations(@Root() participation: Columns<Participation>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.PARTICIPATION}:${participation.id}`);
  }
}
