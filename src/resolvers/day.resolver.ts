import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Citation, Conference, ConferenceDay, Participation, Session } from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { CitedKind, ParticipationRole } from '../entities/enums.js';
import type { Context } from '../context.js';

@Resolver(() => ConferenceDay)
export class ConferenceDayResolver {
  @FieldResolver(() => Participation, { nullable: true, description: 'Who chaired the day; null when the programme names no chair.' })
  async chair(@Root() day: Columns<ConferenceDay>, @Ctx() { loaders }: Context) {
    const roles = await loaders.participationsOfDay.load(day.id);
    return roles.find((participation) => participation.role === ParticipationRole.CHAIRPERSON) ?? null;
  }

  @FieldResolver(() => [Participation], {
    description:
      "Who took part in the day as a whole rather than in one of its sessions (its chairperson, or each of several), in the order the programme lists them; `chair` gives the first chairperson alone.",
  })
  async participants(
    @Root() day: Columns<ConferenceDay>,
    @Ctx() { loaders }: Context,
    @Arg('role', () => ParticipationRole, { nullable: true, description: 'Only those in this role, e.g. CHAIRPERSON.' }) role?: ParticipationRole,
  ) {
    const all = await loaders.participationsOfDay.load(day.id);
    return role ? all.filter((participation) => participation.role === role) : all;
  }

  @FieldResolver(() => [Session], { description: "The day's sessions in programme order; commissions are the children of their breakaway." })
  sessions(@Root() day: Columns<ConferenceDay>, @Ctx() { loaders }: Context) {
    return loaders.sessionsOfDay.load(day.id);
  }

  @FieldResolver(() => Conference, { description: 'The edition this day belongs to.' })
  conference(@Root() day: Columns<ConferenceDay>, @Ctx() { loaders }: Context) {
    return loaders.conference.get(day.conference.id);
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support the facts about this day.' })
  citations(@Root() day: Columns<ConferenceDay>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.CONFERENCE_DAY}:${day.id}`);
  }
}
