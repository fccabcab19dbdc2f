import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { createRecord, countedReferences, deleteRecord, loadForChange, updateRecord, write } from '../../curation/write.js';
import { attachEvidence } from '../../curation/evidence.js';
import { freeKey, slugOf } from '../../curation/natural-keys.js';
import { ConferenceDay, Organisation, Participation, Person, Position, Session } from '../../entities/index.js';
import { CitedKind, ParticipationRole, Role } from '../../entities/enums.js';
import { badUserInput } from '../../errors.js';
import { displayNameOf } from '../../ingest/person-names.js';
import type { Context } from '../../context.js';
import { DeletedRecord } from './deleted.types.js';
import { calendarDate, keyOf, referenced, sentFields } from './ids.js';
import { CreateParticipationInput, CreatePersonInput, CreatePositionInput, PersonFields, PositionFields, UpdateParticipationInput } from './people.inputs.js';

@Resolver()
export class PeopleMutations {
  @Authorized(Role.EDITOR)
  @Mutation(() => Person, { description: 'Records a person a source names.' })
  createPerson(@Ctx() context: Context, @Arg('input', { description: 'The new record and the evidence for it.' }) input: CreatePersonInput) {
    return write(context, async (change) => {
      const { evidence, ...fields } = input;
      const person = change.em.create(Person, {
        ...fields,
        key: await freeKey(change.em, Person, 'key', slugOf(fields.surname, fields.initials ?? fields.givenNames)),
        displayName: displayNameOf(fields),
        aliases: fields.aliases ?? [displayNameOf(fields)],
      });
      await change.em.flush();
      const note = await attachEvidence(change.em, { kind: CitedKind.PERSON, id: person.id }, evidence);
      return createRecord(change, person, 'Person', note);
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Person, { description: 'Changes some fields of a person; their history keeps what they were.' })
  updatePerson(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
    @Arg('input', { description: 'The fields to change; fields left out keep their values.' }) input: PersonFields,
  ) {
    return write(context, async (change) => {
      const person = await loadForChange(change.em, Person, 'Person', keyOf(id, 'Person', 'id'), version);
      return updateRecord(change, person, 'Person', () => {
        change.em.assign(person, sentFields(input));
        person.displayName = displayNameOf({
          honorific: person.honorific ?? undefined,
          initials: person.initials ?? undefined,
          givenNames: person.givenNames ?? undefined,
          surname: person.surname,
        });
      });
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes a person no participation or position refers to.' })
  deletePerson(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
  ) {
    return write(context, async (change) => {
      const person = await loadForChange(change.em, Person, 'Person', keyOf(id, 'Person', 'id'), version);
      const references = await countedReferences([
        ['participations', change.em.count(Participation, { person })],
        ['positions', change.em.count(Position, { person })],
      ]);
      await deleteRecord(change, person, 'Person', references);
      return { id, recordType: 'Person' };
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Position, { description: 'Records a position a source gives a person.' })
  createPosition(@Ctx() context: Context, @Arg('input', { description: 'The new record and the evidence for it.' }) input: CreatePositionInput) {
    return write(context, async (change) => {
      const person = await referenced(change.em, Person, 'Person', input.personId, 'input.personId');
      const organisation = input.organisationId
        ? await referenced(change.em, Organisation, 'Organisation', input.organisationId, 'input.organisationId')
        : undefined;
      const position = change.em.create(Position, {
        person,
        title: input.title,
        organisation,
        acting: input.acting ?? false,
        asOf: calendarDate(input.asOf) ?? undefined,
      });
      await change.em.flush();
      const note = await attachEvidence(change.em, { kind: CitedKind.POSITION, id: position.id }, input.evidence);
      return createRecord(change, position, 'Position', note);
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Position, { description: 'Changes some fields of a position; its history keeps what they were.' })
  updatePosition(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
    @Arg('input', { description: 'The fields to change; fields left out keep their values.' }) input: PositionFields,
  ) {
    return write(context, async (change) => {
      const position = await loadForChange(change.em, Position, 'Position', keyOf(id, 'Position', 'id'), version);
      const { organisationId, asOf, ...fields } = sentFields(input);
      const organisation =
        organisationId === undefined
          ? undefined
          : organisationId === null
            ? null
            : await referenced(change.em, Organisation, 'Organisation', organisationId, 'input.organisationId');
      return updateRecord(change, position, 'Position', () => {
        change.em.assign(position, {
          ...fields,
          ...(organisation !== undefined && { organisation }),
          ...(asOf !== undefined && { asOf: calendarDate(asOf) }),
        });
      });
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes a position no participation refers to.' })
  deletePosition(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
  ) {
    return write(context, async (change) => {
      const position = await loadForChange(change.em, Position, 'Position', keyOf(id, 'Position', 'id'), version);
      const references = await countedReferences([['participations', change.em.count(Participation, { position })]]);
      await deleteRecord(change, position, 'Position', references);
      return { id, recordType: 'Position' };
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Participation, { description: 'Records that a person took part in a session, or chaired a day.' })
  createParticipation(
    @Ctx() context: Context,
    @Arg('input', { description: 'The new record and the evidence for it.' }) input: CreateParticipationInput,
  ) {
    return write(context, async (change) => {
      if ((input.sessionId === undefined) === (input.dayId === undefined)) {
        throw badUserInput('input: give exactly one of sessionId and dayId', 'input.sessionId');
      }
      if (input.dayId !== undefined && input.role !== ParticipationRole.CHAIRPERSON) {
        throw badUserInput('input.role: only a CHAIRPERSON takes part in a whole day', 'input.role');
      }
      const person = await referenced(change.em, Person, 'Person', input.personId, 'input.personId');
      const session = input.sessionId ? await referenced(change.em, Session, 'Session', input.sessionId, 'input.sessionId') : undefined;
      const day = input.dayId ? await referenced(change.em, ConferenceDay, 'ConferenceDay', input.dayId, 'input.dayId') : undefined;
      const position = input.positionId
        ? await referenced(change.em, Position, 'Position', input.positionId, 'input.positionId')
        : undefined;
      if (position && position.person.id !== person.id) {
        throw badUserInput('input.positionId: the position belongs to another person', 'input.positionId');
      }
      const ordinal = await change.em.count(Participation, session ? { session } : { day });
      const participation = change.em.create(Participation, { person, role: input.role, session, day, position, ordinal });
      await change.em.flush();
      const note = await attachEvidence(change.em, { kind: CitedKind.PARTICIPATION, id: participation.id }, input.evidence);
      return createRecord(change, participation, 'Participation', note);
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Participation, { description: 'Changes the role or position of a participation; its history keeps what they were.' })
  updateParticipation(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
    @Arg('input', { description: 'The fields to change; fields left out keep their values.' }) input: UpdateParticipationInput,
  ) {
    return write(context, async (change) => {
      const participation = await loadForChange(change.em, Participation, 'Participation', keyOf(id, 'Participation', 'id'), version);
      const position =
        input.positionId === undefined
          ? undefined
          : input.positionId === null
            ? null
            : await referenced(change.em, Position, 'Position', input.positionId, 'input.positionId');
      if (position && position.person.id !== participation.person.id) {
        throw badUserInput('input.positionId: the position belongs to another person', 'input.positionId');
      }
      return updateRecord(change, participation, 'Participation', () => {
        if (input.role !== undefined && input.role !== null) participation.role = input.role;
        if (position !== undefined) participation.position = position ?? undefined;
      });
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes a participation; its history keeps what it was.' })
  deleteParticipation(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
  ) {
    return write(context, async (change) => {
      const participation = await loadForChange(change.em, Participation, 'Participation', keyOf(id, 'Participation', 'id'), version);
      await deleteRecord(change, participation, 'Participation', []);
      return { id, recordType: 'Participation' };
    });
  }
}
