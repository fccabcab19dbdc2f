import { Organisation, OrganisationTopic, type Topic } from '../entities/index.js';
import { TopicOrigin, type GovernmentSphere, type OrganisationKind } from '../entities/enums.js';
import { decideOrganisationName } from './merge-rules.js';
import type { Provenance, RecordWriter } from './record-writer.js';

export type OrganisationFacts = {
  name: string;
  acronym?: string | null;
  aliases?: string[];
  kind: OrganisationKind;
  sphere?: GovernmentSphere | null;
  parent?: Organisation | null;
  objectives?: string[];
  priorityAreas?: string[];
};

const TYPE = 'Organisation';

/** Finds the organisation by its natural key and merges the facts into it, or creates it. */
export async function writeOrganisation(writer: RecordWriter, key: string, facts: OrganisationFacts, provenance: Provenance): Promise<Organisation> {
  const found = await writer.em.findOne(Organisation, { key });
  if (found) return mergeOrganisation(writer, found, facts, provenance);
  const { name, kind, ...rest } = facts;
  const organisation = writer.em.create(Organisation, { key, name, kind, ...rest, parent: rest.parent ?? undefined });
  return writer.created(organisation, TYPE, key, facts, provenance);
}

/**
 * Merges facts into a known organisation. A source's name goes through the
 * name rule: its acronym becomes the acronym, never the name; a fuller form
 * replaces an abbreviation; every form is kept as an alias.
 */
export function mergeOrganisation(writer: RecordWriter, organisation: Organisation, facts: Partial<OrganisationFacts>, provenance: Provenance): Organisation {
  const { name, ...rest } = facts;
  const key = organisation.key;
  const merge = (fields: Partial<OrganisationFacts>) =>
    writer.merge(organisation, TYPE, key, fields, { aliases: 'union', objectives: 'union', priorityAreas: 'union', kind: 'kind' }, provenance);
  if (name !== undefined && writer.options.authority === 'source') {
    const verdict = decideOrganisationName(organisation, name);
    if (verdict.kind === 'conflict') writer.conflict(organisation, TYPE, key, 'name', verdict.value, provenance);
    if (verdict.kind === 'fuller') writer.set(organisation, TYPE, key, 'name', verdict.name, provenance);
    if (verdict.kind === 'keep' || verdict.kind === 'fuller') {
      merge({ acronym: verdict.acronym, aliases: verdict.alias ? [verdict.alias] : undefined });
    }
  } else if (name !== undefined) {
    merge({ name });
  }
  return merge(rest);
}

/** A curator's topic link on an organisation, with the phrase that justifies it. */
export async function writeOrganisationTopic(writer: RecordWriter, organisation: Organisation, topic: Topic, evidence: string, provenance: Provenance): Promise<OrganisationTopic> {
  const recordKey = `${organisation.key} → ${topic.slug}`;
  const found = await writer.em.findOne(OrganisationTopic, { organisation, topic, origin: TopicOrigin.CURATED });
  if (found) return writer.merge(found, 'OrganisationTopic', recordKey, { evidence }, {}, provenance);
  const link = writer.em.create(OrganisationTopic, { organisation, topic, origin: TopicOrigin.CURATED, evidence });
  return writer.created(link, 'OrganisationTopic', recordKey, { evidence }, provenance);
}
