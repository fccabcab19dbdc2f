import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Citation, ConferenceDay, Participation, Person, Position, Session } from '../entities/index.js';
import { CitedKind } from '../entities/enums.js';
import type { Context } from '../context.js';

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Person, { description: 'Who took part.' })
  person(@Root() participation: Participation, @Ctx() { loaders }: Context) {
    return loaders.person.get(participation.person.id);
  }

  @FieldResolver(() => Session, { nullable: true, description: 'The session taken part in; null for the chair of a whole day.' })
  session(@Root() participation: Participation, @Ctx() { loaders }: Context) {
    return participation.session ? loaders.session.get(participation.session.id) : null;
  }

  @FieldResolver(() => ConferenceDay, { nullable: true, description: 'The day chaired, for a chairperson of a whole day.' })
  day(@Root() participation: Participation, @Ctx() { loaders }: Context) {
    return participation.day ? loaders.day.get(participation.day.id) : null;
  }

  @FieldResolver(() => Position, { nullable: true, description: 'The position the source gave the person here, if it gave one.' })
  position(@Root() participation: Participation, @Ctx() { loaders }: Context) {
    return participation.position ? loaders.position.get(participation.position.id) : null;
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support this participation.' })
  citations(@Root() participation: Participation, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.PARTICIPATION}:${participation.id}`);
  }
}
