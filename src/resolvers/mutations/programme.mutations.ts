import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { attachEvidence } from '../../curation/evidence.js';
import { freeKey, slugOf } from '../../curation/natural-keys.js';
import { conferenceKeyOf } from '../../curation/programme-write.js';
import { countedReferences, createRecord, deleteRecord, edit, loadForChange, write } from '../../curation/write.js';
import { Conference, ConferenceDay, ConferenceSeries, Participation, Session } from '../../entities/index.js';
import { CitedKind, DocumentationStatus, Role } from '../../entities/enums.js';
import { badUserInput } from '../../errors.js';
import type { Context } from '../../context.js';
import { DeletedRecord } from './deleted.types.js';
import { calendarDate, keyOf, referenced, sentFields } from './ids.js';
import { ConferenceFields, CreateConferenceInput, CreateDayInput, CreateSessionInput, DayFields, SessionFields } from './programme.inputs.js';

/** The conference's scalar fields from an input, dates as calendar dates. */
function conferenceData<Fields extends Partial<ConferenceFields>>(input: Fields) {
  const { startDate, endDate, ...rest } = input;
  return {
    ...rest,
    ...(startDate !== undefined && { startDate: calendarDate(startDate) }),
    ...(endDate !== undefined && { endDate: calendarDate(endDate) }),
  };
}

function checkDates(conference: Conference) {
  if (conference.startDate && conference.endDate && conference.startDate > conference.endDate) {
    throw badUserInput(`endDate ${conference.endDate} is before startDate ${conference.startDate}`, 'endDate');
  }
}

@Resolver()
export class ProgrammeMutations {
  @Authorized(Role.EDITOR)
  @Mutation(() => Conference, { description: 'Records an edition of a series.' })
  createConference(@Ctx() context: Context, @Arg('input', { description: 'The new record and the evidence for it.' }) input: CreateConferenceInput) {
    return write(context, async (change) => {
      const series = await change.em.findOne(ConferenceSeries, { slug: input.seriesSlug });
      if (!series) throw badUserInput(`seriesSlug: no series is called "${input.seriesSlug}"`, 'seriesSlug');
      const { evidence, seriesSlug: _seriesSlug, ...fields } = input;
      const conference = change.em.create(Conference, {
        ...conferenceData(fields),
        series,
        documentation: fields.documentation ?? DocumentationStatus.DOCUMENTED,
      });
      checkDates(conference);
      await change.em.flush();
      const note = await attachEvidence(change.em, { kind: CitedKind.CONFERENCE, id: conference.id }, evidence);
      return createRecord(change, conference, 'Conference', note);
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Conference, { description: 'Changes some fields of a conference edition; its history keeps what they were.' })
  updateConference(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
    @Arg('input', { description: 'The fields to change; fields left out keep their values.' }) input: ConferenceFields,
  ) {
    return write(context, async (change) => {
      const conference = await loadForChange(change.em, Conference, 'Conference', keyOf(id, 'Conference', 'id'), version);
      await change.em.populate(conference, ['series']);
      return edit(change, (writer) => {
        writer.merge(conference, 'Conference', conferenceKeyOf(conference), conferenceData(sentFields(input)), {}, {});
        checkDates(conference);
        return conference;
      });
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes an edition that has no days, sessions or annexes listing it.' })
  deleteConference(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
  ) {
    return write(context, async (change) => {
      const conference = await loadForChange(change.em, Conference, 'Conference', keyOf(id, 'Conference', 'id'), version);
      const listed = change.em.execute<Array<{ count: number }>>('select count(*)::int as count from annex_conference where conference_id = ?', [conference.id]);
      const references = await countedReferences([
        ['days', change.em.count(ConferenceDay, { conference })],
        ['sessions', change.em.count(Session, { conference })],
        ['annexes listing it', listed.then((rows) => rows[0]!.count)],
      ]);
      await deleteRecord(change, conference, 'Conference', references);
      return { id, recordType: 'Conference' };
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ConferenceDay, { description: 'Records a day of a conference edition.' })
  createConferenceDay(@Ctx() context: Context, @Arg('input', { description: 'The new record and the evidence for it.' }) input: CreateDayInput) {
    return write(context, async (change) => {
      const conference = await referenced(change.em, Conference, 'Conference', input.conferenceId, 'input.conferenceId');
      const day = change.em.create(ConferenceDay, {
        conference,
        number: input.number,
        date: calendarDate(input.date) ?? undefined,
        subTheme: input.subTheme,
      });
      await change.em.flush();
      const note = await attachEvidence(change.em, { kind: CitedKind.CONFERENCE_DAY, id: day.id }, input.evidence);
      return createRecord(change, day, 'ConferenceDay', note);
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => ConferenceDay, { description: 'Changes the date or sub-theme of a day; its history keeps what they were.' })
  updateConferenceDay(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
    @Arg('input', { description: 'The fields to change; fields left out keep their values.' }) input: DayFields,
  ) {
    return write(context, async (change) => {
      const day = await loadForChange(change.em, ConferenceDay, 'ConferenceDay', keyOf(id, 'ConferenceDay', 'id'), version);
      const { date, ...fields } = sentFields(input);
      await change.em.populate(day, ['conference.series']);
      const recordKey = `${conferenceKeyOf(day.conference)} day ${day.number}`;
      return edit(change, (writer) => writer.merge(day, 'ConferenceDay', recordKey, { ...fields, date: calendarDate(date) }, {}, {}));
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes a day with no sessions and no chair.' })
  deleteConferenceDay(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
  ) {
    return write(context, async (change) => {
      const day = await loadForChange(change.em, ConferenceDay, 'ConferenceDay', keyOf(id, 'ConferenceDay', 'id'), version);
      const references = await countedReferences([
        ['sessions', change.em.count(Session, { day })],
        ['chairs', change.em.count(Participation, { day })],
      ]);
      await deleteRecord(change, day, 'ConferenceDay', references);
      return { id, recordType: 'ConferenceDay' };
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Session, { description: 'Adds a session at the end of its programme.' })
  createSession(@Ctx() context: Context, @Arg('input', { description: 'The new record and the evidence for it.' }) input: CreateSessionInput) {
    return write(context, async (change) => {
      const conference = await referenced(change.em, Conference, 'Conference', input.conferenceId, 'input.conferenceId');
      const parent = input.parentId ? await referenced(change.em, Session, 'Session', input.parentId, 'input.parentId') : undefined;
      const day = input.dayId ? await referenced(change.em, ConferenceDay, 'ConferenceDay', input.dayId, 'input.dayId') : undefined;
      if (parent && parent.conference.id !== conference.id) throw badUserInput('input.parentId: the parent belongs to another conference', 'input.parentId');
      if (day && day.conference.id !== conference.id) throw badUserInput('input.dayId: the day belongs to another conference', 'input.dayId');
      const [last] = await change.em.find(Session, { conference }, { orderBy: { ordinal: 'desc' }, limit: 1 });
      const session = change.em.create(Session, {
        conference,
        parent,
        day: day ?? parent?.day,
        ref: await freeKey(change.em, Session, 'ref', slugOf(input.title).slice(0, 60) || 'session', { conference }),
        ordinal: (last?.ordinal ?? -1) + 1,
        kind: input.kind,
        title: input.title,
        number: input.number,
        description: input.description,
        keyIssues: input.keyIssues ?? [],
      });
      await change.em.flush();
      const note = await attachEvidence(change.em, { kind: CitedKind.SESSION, id: session.id }, input.evidence);
      return createRecord(change, session, 'Session', note);
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Session, { description: 'Changes some fields of a session; its history keeps what they were.' })
  updateSession(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
    @Arg('input', { description: 'The fields to change; fields left out keep their values.' }) input: SessionFields,
  ) {
    return write(context, async (change) => {
      const session = await loadForChange(change.em, Session, 'Session', keyOf(id, 'Session', 'id'), version);
      const { dayId, ...fields } = sentFields(input);
      const day = typeof dayId === 'string' ? await referenced(change.em, ConferenceDay, 'ConferenceDay', dayId, 'input.dayId') : dayId;
      if (day && day.conference.id !== session.conference.id) throw badUserInput('input.dayId: the day belongs to another conference', 'input.dayId');
      await change.em.populate(session, ['conference.series']);
      const recordKey = `${conferenceKeyOf(session.conference)} ${session.ref}`;
      return edit(change, (writer) => writer.merge(session, 'Session', recordKey, { ...fields, day }, {}, {}));
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes a session with no children and no participants.' })
  deleteSession(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
  ) {
    return write(context, async (change) => {
      const session = await loadForChange(change.em, Session, 'Session', keyOf(id, 'Session', 'id'), version);
      const references = await countedReferences([
        ['child sessions', change.em.count(Session, { parent: session })],
        ['participations', change.em.count(Participation, { session })],
      ]);
      await deleteRecord(change, session, 'Session', references);
      return { id, recordType: 'Session' };
    });
  }
}
