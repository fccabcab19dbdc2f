import { Field, Int, ObjectType } from 'type-graphql';
import { OrganisationKind, ParticipationRole, SessionKind } from '../entities/enums.js';

@ObjectType({ description: 'How many items of a list fall in one year (of their edition).' })
export class YearCount {
  @Field(() => Int, { description: 'The year of the edition.' })
  year!: number;

  @Field(() => Int, { description: 'How many items of the whole list fall in it.' })
  count!: number;
}

@ObjectType({ description: 'How many items of a list involve one participation role.' })
export class RoleCount {
  @Field(() => ParticipationRole, { description: 'The role.' })
  role!: ParticipationRole;

  @Field(() => Int, { description: 'How many items of the whole list involve it.' })
  count!: number;
}

@ObjectType({ description: 'How many items of a list involve one kind of organisation.' })
export class OrganisationKindCount {
  @Field(() => OrganisationKind, { description: 'The kind of organisation.' })
  kind!: OrganisationKind;

  @Field(() => Int, { description: 'How many items of the whole list involve it.' })
  count!: number;
}

@ObjectType({ description: 'How many sessions of a list have one format.' })
export class SessionKindCount {
  @Field(() => SessionKind, { description: 'The format of the session.' })
  kind!: SessionKind;

  @Field(() => Int, { description: 'How many sessions of the whole list have it.' })
  count!: number;
}

/** The ids of a connection's whole filtered set, read once however many facets are asked. */
export type FacetSet = { nodeType: 'Session' | 'Participation'; ids: () => Promise<number[]> };

@ObjectType({
  description:
    'Counts over the whole filtered list of sessions, not just the page: a filter narrows them as it narrows the list. Years come in ascending order; the other buckets by count, largest first, then by name; empty buckets are left out.',
})
export class SessionFacets {
  set!: FacetSet;

  @Field(() => [YearCount], { description: 'Sessions per year of their edition.' })
  byYear!: YearCount[];

  @Field(() => [SessionKindCount], { description: 'Sessions per format.' })
  byKind!: SessionKindCount[];

  @Field(() => [RoleCount], { description: 'Sessions per role someone took in them: a session counts once under each role present.' })
  byRole!: RoleCount[];

  @Field(() => [OrganisationKindCount], {
    description: 'Sessions per kind of organisation someone took part for (the organisation of their position): a session counts once under each kind present.',
  })
  byOrganisationKind!: OrganisationKindCount[];
}

@ObjectType({
  description:
    'Counts over the whole filtered list of participations, not just the page: a filter narrows them as it narrows the list. Years come in ascending order; the other buckets by count, largest first, then by name; empty buckets are left out.',
})
export class ParticipationFacets {
  set!: FacetSet;

  @Field(() => [YearCount], { description: 'Participations per year of their edition.' })
  byYear!: YearCount[];

  @Field(() => [RoleCount], { description: 'Participations per role.' })
  byRole!: RoleCount[];

  @Field(() => [OrganisationKindCount], {
    description: "Participations per kind of the position's organisation; those in a position at no known organisation are in no bucket.",
  })
  byOrganisationKind!: OrganisationKindCount[];
}
