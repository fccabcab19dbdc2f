import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { attachEvidence } from '../../curation/evidence.js';
import { recordChange, snapshot } from '../../curation/history.js';
import { freeKey, slugOf } from '../../curation/natural-keys.js';
import { conflict } from '../../curation/curation-errors.js';
import { loadForChange, write } from '../../curation/write.js';
import { Citation, Participation, Person, Position, PossibleDuplicate } from '../../entities/index.js';
import { ChangeAction, CitedKind, Role } from '../../entities/enums.js';
import { badUserInput } from '../../errors.js';
import { displayNameOf } from '../../ingest/person-names.js';
import type { Context } from '../../context.js';
import { keyOf } from './ids.js';
import { CreatePersonInput } from './people.inputs.js';

/**
 * Re-points the citations of one record to another, dropping those the
 * other already has (same source, same words), which would be duplicates.
 */
async function moveCitations(em: EntityManager, kind: CitedKind, from: number, to: number): Promise<void> {
  await em.execute(
    `delete from citation moving
      where moving.subject_kind = ? and moving.subject_id = ?
        and exists (select 1 from citation kept where kept.subject_kind = moving.subject_kind and kept.subject_id = ?
                      and kept.source_id = moving.source_id and kept.excerpt = moving.excerpt)`,
    [kind, from, to],
  );
  await em.nativeUpdate(Citation, { subjectKind: kind, subjectId: from }, { subjectId: to });
}

@Resolver()
export class IdentityMutations {
  @Authorized(Role.EDITOR)
  @Mutation(() => Person, {
    description: 'Makes two records of one person one: every participation, position, alias and citation of the second moves to the first, and the second is removed.',
  })
  mergePeople(
    @Ctx() context: Context,
    @Arg('keepId', () => ID, { description: 'The global id of the person who remains.' }) keepId: string,
    @Arg('keepVersion', () => Int, { description: 'The version of the kept person you last read.' }) keepVersion: number,
    @Arg('mergeId', () => ID, { description: 'The global id of the person merged into the other and then removed.' }) mergeId: string,
    @Arg('mergeVersion', () => Int, { description: 'The version of the merged person you last read.' }) mergeVersion: number,
    @Arg('note', { description: 'Why they are one person.' }) note: string,
  ) {
    return write(context, async ({ em, actor }) => {
      if (keepId === mergeId) throw badUserInput('mergeId: a person cannot be merged into itself', 'mergeId');
      const keep = await loadForChange(em, Person, 'Person', keyOf(keepId, 'Person', 'keepId'), keepVersion);
      const merged = await loadForChange(em, Person, 'Person', keyOf(mergeId, 'Person', 'mergeId'), mergeVersion);
      const before = { keep: snapshot(em, keep), merged: snapshot(em, merged) };

      for (const position of await em.find(Position, { person: merged })) {
        const twin = await em.findOne(Position, {
          person: keep,
          title: position.title,
          organisation: position.organisation ?? null,
          acting: position.acting,
        });
        if (!twin) {
          position.person = keep;
          continue;
        }
        // The same post held on both records: keep one, its evidence and its participations with it.
        await moveCitations(em, CitedKind.POSITION, position.id, twin.id);
        await em.nativeUpdate(Participation, { position }, { position: twin });
        if (position.asOf && (!twin.asOf || position.asOf < twin.asOf)) twin.asOf = position.asOf;
        em.remove(position);
      }
      await em.flush();
      for (const participation of await em.find(Participation, { person: merged })) {
        const twin = await em.findOne(Participation, {
          person: keep,
          role: participation.role,
          session: participation.session ?? null,
          day: participation.day ?? null,
        });
        if (twin) {
          // Both records say the same thing: keep one participation, with the evidence of both.
          await moveCitations(em, CitedKind.PARTICIPATION, participation.id, twin.id);
          em.remove(participation);
        } else {
          participation.person = keep;
        }
      }
      await moveCitations(em, CitedKind.PERSON, merged.id, keep.id);
      await em.nativeDelete(PossibleDuplicate, { $or: [{ person: merged }, { candidate: merged }] });
      keep.aliases = [...new Set([...keep.aliases, ...merged.aliases])];
      keep.givenNames ??= merged.givenNames;
      await em.flush();
      em.remove(merged);
      await em.flush();
      recordChange(em, { actor, action: ChangeAction.MERGE, recordType: 'Person', recordId: keep.id, before: before.keep, after: snapshot(em, keep), note });
      recordChange(em, { actor, action: ChangeAction.MERGE, recordType: 'Person', recordId: before.merged.id as number, before: before.merged, note: `merged into Person ${keep.id}: ${note}` });
      await em.flush();
      return keep;
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Person, {
    description: 'Separates two people recorded as one: the named participations (and the positions they state) move to a new person.',
  })
  splitPerson(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: "The record's global id." }) id: string,
    @Arg('version', () => Int, { description: 'The version you last read: the change is refused if the record has changed since.' }) version: number,
    @Arg('participationIds', () => [ID], { description: 'The participations that belong to the new person.' }) participationIds: string[],
    @Arg('newPerson', { description: 'The new person and the evidence for them.' }) newPerson: CreatePersonInput,
  ) {
    return write(context, async ({ em, actor }) => {
      const person = await loadForChange(em, Person, 'Person', keyOf(id, 'Person', 'id'), version);
      if (participationIds.length === 0) throw badUserInput('participationIds: name at least one participation to move', 'participationIds');
      const participations = await em.find(Participation, {
        id: { $in: participationIds.map((participationId, index) => keyOf(participationId, 'Participation', `participationIds[${index}]`)) },
      });
      if (participations.length !== participationIds.length || participations.some((participation) => participation.person.id !== person.id)) {
        throw badUserInput('participationIds: every participation must exist and belong to the person being split', 'participationIds');
      }
      const remaining = await em.count(Participation, { person, id: { $nin: participations.map((participation) => participation.id) } });
      if (remaining === 0) throw conflict('Moving every participation would leave an empty person: edit the person instead');
      const before = snapshot(em, person);
      const { evidence, ...fields } = newPerson;
      const other = em.create(Person, {
        ...fields,
        key: await freeKey(em, Person, 'key', slugOf(fields.surname, fields.initials ?? fields.givenNames)),
        displayName: displayNameOf(fields),
        aliases: fields.aliases ?? [displayNameOf(fields)],
      });
      await em.flush();
      const note = await attachEvidence(em, { kind: CitedKind.PERSON, id: other.id }, evidence);
      for (const participation of participations) {
        participation.person = other;
        const position = participation.position ? await em.findOneOrFail(Position, participation.position.id) : undefined;
        // A position moves with the participations that state it, unless the person keeps using it elsewhere.
        if (position && !(await em.count(Participation, { position, person, id: { $nin: participations.map((moved) => moved.id) } }))) {
          position.person = other;
        }
      }
      person.aliases = person.aliases.filter((alias) => !other.aliases.includes(alias));
      await em.flush();
      recordChange(em, { actor, action: ChangeAction.SPLIT, recordType: 'Person', recordId: person.id, before, after: snapshot(em, person), note: `split off Person ${other.id}` });
      recordChange(em, { actor, action: ChangeAction.SPLIT, recordType: 'Person', recordId: other.id, after: snapshot(em, other), note: `split from Person ${person.id}: ${note}` });
      await em.flush();
      return other;
    });
  }
}
