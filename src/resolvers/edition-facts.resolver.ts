import { Arg, Ctx, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import {
  Attendance,
  Citation,
  Conference,
  ConferenceSeries,
  Document,
  Outcome,
  Session,
  SessionDocument,
  Topic,
  TopicAssignment,
} from '../entities/index.js';
import type { Columns } from '../loaders/record-types.js';
import { CitedKind, ProgrammeCompleteness } from '../entities/enums.js';
import type { Context } from '../context.js';
import { relatedRecords } from './paged-relation.js';
import { findRecord } from '../loaders/records.js';

/**
 * The facts researchers asked for beside the programme: documents and what
 * sessions did with them, outcomes, programme completeness, attendance and a
 * series' sphere. The read floor compiles the same fields (src/read/records.ts);
 * these resolvers answer what it does not compile, with the same answers.
 */

@ObjectType({ description: 'How much of an edition’s programme the sources describe, with a note saying why and the words that show it.' })
export class ProgrammeCoverage {
  @Field(() => ProgrammeCompleteness, { description: 'Whether the sources describe the whole programme, part of it, or do not say.' })
  completeness!: ProgrammeCompleteness;

  @Field(() => String, { nullable: true, description: 'Which parts the sources describe, e.g. "Day 1 and Day 2 of three".' })
  note!: string | null;

  /** The edition, whose id the citations are recorded under. */
  conferenceId!: number;
}

@Resolver(() => ProgrammeCoverage)
export class ProgrammeCoverageResolver {
  @FieldResolver(() => [Citation], { description: 'The words that show how much of the programme the sources describe.' })
  citations(@Root() coverage: ProgrammeCoverage, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.PROGRAMME_COMPLETENESS}:${coverage.conferenceId}`);
  }
}

@Resolver(() => Conference)
export class ConferenceFactsResolver {
  @FieldResolver(() => [Outcome], { description: 'Outcomes and resolutions, in the order the sources list them; empty when none is stated.' })
  outcomes(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.outcomesOfConference.load(conference.id);
  }

  @FieldResolver(() => [Attendance], {
    description: 'Figures a source states for this edition itself. A figure stated for every edition of the series is on `series.attendance`.',
  })
  attendance(@Root() conference: Columns<Conference>, @Ctx() { loaders }: Context) {
    return loaders.attendanceOfConference.load(conference.id);
  }

  @FieldResolver(() => ProgrammeCoverage, { description: 'How much of the programme the sources describe.' })
  programmeCoverage(@Root() conference: Columns<Conference>): ProgrammeCoverage {
    return { completeness: conference.programmeCompleteness, note: conference.programmeNote ?? null, conferenceId: conference.id };
  }
}

@Resolver(() => ConferenceSeries)
export class SeriesFactsResolver {
  @FieldResolver(() => [Attendance], { description: 'Figures a source states for every edition of the series (e.g. "yearly").' })
  attendance(@Root() series: Columns<ConferenceSeries>, @Ctx() { loaders }: Context) {
    return loaders.attendanceOfSeries.load(series.id);
  }

  @FieldResolver(() => [Citation], { description: 'The words that show the sphere and province.' })
  citations(@Root() series: Columns<ConferenceSeries>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.CONFERENCE_SERIES}:${series.id}`);
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Boolean, { description: 'True when the source states the figure for every edition of the series, not for one.' })
  seriesWide(@Root() attendance: Columns<Attendance>): boolean {
    return !attendance.conference;
  }

  @FieldResolver(() => Conference, { nullable: true, description: 'The edition the figure is about; null for a series-wide figure.' })
  conference(@Root() attendance: Columns<Attendance>, @Ctx() { loaders }: Context) {
    return attendance.conference ? loaders.conference.get(attendance.conference.id) : null;
  }

  @FieldResolver(() => ConferenceSeries, { description: 'The series the figure belongs to.' })
  series(@Root() attendance: Columns<Attendance>, @Ctx() { loaders }: Context) {
    return loaders.series.get(attendance.series.id);
  }

  @FieldResolver(() => [Citation], { description: 'The words that state the figure.' })
  citations(@Root() attendance: Columns<Attendance>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.ATTENDANCE}:${attendance.id}`);
  }
}

@Resolver(() => Outcome)
export class OutcomeResolver {
  @FieldResolver(() => [Citation], { description: 'The words that state the outcome or resolution.' })
  citations(@Root() outcome: Columns<Outcome>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.CONFERENCE_OUTCOME}:${outcome.id}`);
  }
}

@Resolver(() => Session)
export class SessionDocumentsResolver {
  @FieldResolver(() => [SessionDocument], { description: 'Documents the session launched, tabled, discussed or presented.' })
  documents(@Root() session: Columns<Session>, @Ctx() { loaders }: Context) {
    return loaders.documentLinksOfSession.load(session.id);
  }
}

@Resolver(() => Topic)
export class TopicDocumentsResolver {
  @FieldResolver(() => [Document], { description: 'Documents about the topic, by title.' })
  documents(@Root() topic: Columns<Topic>, @Ctx() { loaders }: Context) {
    return relatedRecords(loaders.documentIdsOfTopic, loaders.document, topic.id);
  }
}

@Resolver(() => SessionDocument)
export class SessionDocumentResolver {
  @FieldResolver(() => Session, { description: 'The session.' })
  session(@Root() link: Columns<SessionDocument>, @Ctx() { loaders }: Context) {
    return loaders.session.get(link.session.id);
  }

  @FieldResolver(() => Document, { description: 'The document.' })
  document(@Root() link: Columns<SessionDocument>, @Ctx() { loaders }: Context) {
    return loaders.document.get(link.document.id);
  }

  @FieldResolver(() => [Citation], { description: 'The words that say what the session did with the document.' })
  citations(@Root() link: Columns<SessionDocument>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.SESSION_DOCUMENT}:${link.id}`);
  }
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { nullable: true, description: 'A document by its key.' })
  document(@Ctx() { em }: Context, @Arg('key', { description: 'The curated natural key, e.g. "draft-leadership-development-management-strategic-framework".' }) key: string) {
    return findRecord(em, Document, { key });
  }

  @FieldResolver(() => [SessionDocument], { description: 'What sessions did with the document, in programme order (editions oldest first).' })
  sessions(@Root() document: Columns<Document>, @Ctx() { loaders }: Context) {
    return loaders.sessionLinksOfDocument.load(document.id);
  }

  @FieldResolver(() => [Topic], { description: 'The topics the document is about.' })
  topics(@Root() document: Columns<Document>, @Ctx() { loaders }: Context) {
    return relatedRecords(loaders.topicIdsOfDocument, loaders.topic, document.id);
  }

  @FieldResolver(() => [TopicAssignment], { description: 'Each topic with the evidence for it.' })
  topicAssignments(@Root() document: Columns<Document>, @Ctx() { loaders }: Context) {
    return loaders.topicLinksOfDocument.load(document.id);
  }

  @FieldResolver(() => [Citation], { description: 'The words that name the document.' })
  citations(@Root() document: Columns<Document>, @Ctx() { loaders }: Context) {
    return loaders.citations.load(`${CitedKind.DOCUMENT}:${document.id}`);
  }
}
