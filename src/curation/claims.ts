import { ReferenceKind, type EntityClass } from '@mikro-orm/core';
import {
  Annex,
  Claim,
  Conference,
  ConferenceDay,
  ConferenceSeries,
  Contact,
  Objective,
  Organisation,
  Participation,
  Person,
  Position,
  Session,
  Source,
  Topic,
} from '../entities/index.js';
import { ChangeAction, ClaimDecision, ClaimStatus } from '../entities/enums.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { recordChange, snapshot } from './history.js';
import type { Write } from './write.js';

/** The records claims can be about, by the type name the claim stores. */
const claimable: Record<string, EntityClass<{ id: number }>> = {
  Annex,
  Conference,
  ConferenceDay,
  ConferenceSeries,
  Contact,
  Objective,
  Organisation,
  Participation,
  Person,
  Position,
  Session,
  Source,
  Topic,
};

/** Where the claimed value goes when an editor records both: the field's list of other forms, if it has one. */
const alternativesOf: Record<string, string> = { name: 'aliases', displayName: 'aliases' };

/**
 * An editor's decision on an open claim. ACCEPT puts the claimed value in
 * the field (the replaced value is kept as an alias where the record has
 * aliases) and records the change in the history; KEEP leaves the field as
 * it is; RECORD_BOTH keeps the field and adds the claimed value as an alias
 * where the record has aliases, or keeps the claim as an accepted
 * alternative (status BOTH) where it has none.
 */
export async function decideClaim({ em, actor }: Write, claimId: number, decision: ClaimDecision): Promise<Claim> {
  const claim = await em.findOne(Claim, { id: claimId });
  if (!claim) throw new NotFoundError(`No claim has the id ${claimId}`);
  if (claim.status !== ClaimStatus.OPEN) throw new ConflictError(`Claim ${claimId} was already decided (${claim.status}) by ${claim.decidedBy}`);
  const entity = claimable[claim.recordType];
  const record = entity ? await em.findOne(entity, { id: claim.recordId }) : null;
  if (!entity || !record) throw new NotFoundError(`The ${claim.recordType} claim ${claimId} is about no longer exists`);
  const meta = em.getMetadata().find(entity)!;
  const propertyOf = (field: string) => meta.props.find((prop) => prop.name === field);
  const property = propertyOf(claim.field);
  if (!property) throw new BadInputError(`${claim.recordType} has no field "${claim.field}"`, 'id');

  const before = snapshot(em, record);
  const listOf = (field: string): string[] | undefined => {
    const list: unknown = Reflect.get(record, field);
    return propertyOf(field) && Array.isArray(list) ? list : undefined;
  };
  const addTo = (field: string, value: unknown) => {
    const list = listOf(field);
    if (list && typeof value === 'string' && !list.includes(value)) Reflect.set(record, field, [...list, value]);
  };
  const alternatives = alternativesOf[claim.field];

  if (decision === ClaimDecision.ACCEPT) {
    if (property.kind !== ReferenceKind.SCALAR) {
      throw new BadInputError(`The claim is about a reference (${claim.field}); change it with the ${claim.recordType}'s update mutation`, 'id');
    }
    const replaced: unknown = Reflect.get(record, claim.field);
    // The metadata check above makes the field a stored column of this record; the value is what the source stated for it.
    Reflect.set(record, claim.field, claim.value);
    if (alternatives) addTo(alternatives, replaced);
  } else if (decision === ClaimDecision.RECORD_BOTH && alternatives && listOf(alternatives)) {
    addTo(alternatives, claim.value);
  }
  claim.status = { ACCEPT: ClaimStatus.ACCEPTED, KEEP: ClaimStatus.KEPT, RECORD_BOTH: ClaimStatus.BOTH }[decision];
  claim.decidedAt = new Date();
  claim.decidedBy = actor.name;
  await em.flush();
  const after = snapshot(em, record);
  const note = `claim ${claim.id} decided: ${decision}`;
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    recordChange(em, { actor, action: ChangeAction.UPDATE, recordType: claim.recordType, recordId: claim.recordId, before, after, note });
  }
  recordChange(em, { actor, action: ChangeAction.UPDATE, recordType: 'Claim', recordId: claim.id, after: snapshot(em, claim), note });
  await em.flush();
  return claim;
}
