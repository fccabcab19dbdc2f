import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Annex, Citation, Conference, Contact, ConferenceSeries, Organisation, Source, TopicAssignment, Topic } from '../entities/index.js';
import type { Columns, ConferenceRecord } from '../loaders/record-types.js';
import { CitedKind } from '../entities/enums.js';
import type { Context } from '../context.js';
import { paginate } from './connection.js';
import { ConferenceConnection, SourceConnection } from './connections.js';
import { ForwardPageArgs } from './page.args.js';
import { pagedRelation } from './paged-relation.js';
import { findIds, findRecords } from '../loaders/records.js';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => SourceConnection, { description: 'Sources by title.' })
  sources(@Ctx() { em }: Context, @Info() info: GraphQLResolveInfo, @Args(() => ForwardPageArgs) page: ForwardPageArgs) {
    return paginate(
      page,
      () => em.count(Source, {}),
      ({ offset, limit }) => findRecords(em, Source, {}, { orderBy: { title: 'asc', id: 'asc' }, offset, limit }),
      () => findIds(em, Source, {}),
      info,
    );
  }

  @FieldResolver(() => String, { description: 'The whole text as it was ingested, unchanged.' })
  text(@Root() source: Columns<Source> & { text?: string }, @Ctx() { loaders }: Context) {
    // A record leaves the text out (it is long and seldom asked for); an entity a mutation returns has it.
    return source.text ?? loaders.textOfSource.load(source.id);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that issued the document, where known.' })
  publisher(@Root() source: Columns<Source>, @Ctx() { loaders }: Context) {
    return source.publisher ? loaders.organisation.get(source.publisher.id) : null;
  }

  @FieldResolver(() => [Annex], { description: "Attachments the document refers to, such as its 'tag A'." })
  annexes(@Root() source: Columns<Source>, @Ctx() { loaders }: Context) {
    return loaders.annexesOfSource.load(source.id);
  }
}

@Resolver(() => Annex)
export class AnnexResolver {
  @FieldResolver(() => Source, { description: 'The document the annex belongs to.' })
  source(@Root() annex: Columns<Annex>, @Ctx() { loaders }: Context) {
    return loaders.source.get(annex.source.id);
  }

  @FieldResolver(() => [Conference], { description: 'The conferences the annex lists, oldest first.' })
  async conferences(@Root() annex: Columns<Annex>, @Ctx() { loaders }: Context) {
    const conferences = (await loaders.conference.loadMany(await loaders.conferenceIdsOfAnnex.load(annex.id))) as ConferenceRecord[];
    return conferences.sort((a, b) => a.year - b.year);
  }

  @FieldResolver(() => [Citation], { description: 'The sources and excerpts that support the facts about this annex.' })
  citations(@Root() annex: Columns<Annex>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.SOURCE_ANNEX}:${annex.id}`);
  }
}

@Resolver(() => Citation)
export class CitationResolver {
  @FieldResolver(() => Source, { description: 'The source that makes the statement.' })
  source(@Root() citation: Columns<Citation>, @Ctx() { loaders }: Context) {
    return loaders.source.get(citation.source.id);
  }
}

@Resolver(() => Contact)
export class ContactResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation the contact speaks for, where the sources say.' })
  organisation(@Root() contact: Columns<Contact>, @Ctx() { loaders }: Context) {
    return contact.organisation ? loaders.organisation.get(contact.organisation.id) : null;
  }
}

@Resolver(() => ConferenceSeries)
export class ConferenceSeriesResolver {
  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that runs the series, e.g. the DPSA.' })
  organiser(@Root() series: Columns<ConferenceSeries>, @Ctx() { loaders }: Context) {
    return series.organiser ? loaders.organisation.get(series.organiser.id) : null;
  }

  @FieldResolver(() => ConferenceConnection, { description: 'Editions of the series, newest first.' })
  conferences(@Root() series: Columns<ConferenceSeries>, @Ctx() { loaders }: Context, @Args(() => ForwardPageArgs) page: ForwardPageArgs) {
    return pagedRelation(loaders.conferencePageOfSeries, loaders.conferenceIdsOfSeries, loaders.conference, series.id, page);
  }
}

@Resolver(() => TopicAssignment)
export class TopicAssignmentResolver {
  @FieldResolver(() => Topic, { description: 'The topic.' })
  topic(@Root() assignment: Columns<TopicAssignment>, @Ctx() { loaders }: Context) {
    return loaders.topic.get(assignment.topic.id);
  }
}
