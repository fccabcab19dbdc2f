import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Citation, Conference, ConferenceDay, Participation, Session } from '../entities/index.js';
import { CitedKind, ParticipationRole } from '../entities/enums.js';
import type { Context } from '../context.js';

@Resolver(() => ConferenceDay)
export class ConferenceDayResolver {
  @FieldResolver(() => Participation, { nullable: true, description: 'Who chaired the day; null when the programme names no chair.' })
  async chair(@Root() day: ConferenceDay, @Ctx() { loaders }: Context) {
    const roles = await loaders.chairsOfDay.load(day.id);
    return roles.find((participation) => participation.role === ParticipationRole.CHAIRPERSON) ?? null;
  }

  @FieldResolver(() => [Session], { description: "The day's sessions in programme order; commissions are the children of their breakaway." })
  sessions(@Root() day: ConferenceDay, @Ctx() { loaders }: Context) {
    return loaders.sessionsOfDay.load(day.id);
  }

  @FieldResolver(() => Conference, { description: 'The edition this day belongs to.' })
  conference(@Root() day: ConferenceDay, @Ctx() { loaders }: Context) {
    return loaders.conference.get(day.conference.id);
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support the facts about this day.' })
  citations(@Root() day: ConferenceDay, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.CONFERENCE_DAY}:${day.id}`);
  }
}
