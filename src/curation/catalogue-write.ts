import { Annex, Source, Topic, type Organisation } from '../entities/index.js';
import type { SourceKind } from '../entities/enums.js';
import type { Provenance, RecordWriter } from './record-writer.js';

export type SourceFacts = {
  title: string;
  kind: SourceKind;
  url?: string | null;
  publisher?: Organisation | null;
  issuedOn?: string | null;
  updatedOn?: string | null;
  text: string;
  checksum: string;
};

export async function writeSource(writer: RecordWriter, key: string, facts: SourceFacts, provenance: Provenance): Promise<Source> {
  const found = await writer.em.findOne(Source, { key });
  if (found) return writer.merge(found, 'Source', key, facts, {}, provenance);
  return writer.created(writer.em.create(Source, { key, ...facts }), 'Source', key, facts, provenance);
}

export type TopicFacts = { name: string; synonyms?: string[]; description?: string | null };

export async function writeTopic(writer: RecordWriter, slug: string, facts: TopicFacts, provenance: Provenance): Promise<Topic> {
  const found = await writer.em.findOne(Topic, { slug });
  if (found) return writer.merge(found, 'Topic', slug, facts, { synonyms: 'union' }, provenance);
  return writer.created(writer.em.create(Topic, { slug, ...facts }), 'Topic', slug, facts, provenance);
}

export async function writeAnnex(writer: RecordWriter, source: Source, label: string, facts: { description: string; available: boolean }, provenance: Provenance): Promise<Annex> {
  const recordKey = `${source.key} ${label}`;
  const found = await writer.em.findOne(Annex, { source, label });
  if (found) return writer.merge(found, 'Annex', recordKey, facts, {}, provenance);
  return writer.created(writer.em.create(Annex, { source, label, ...facts }), 'Annex', recordKey, facts, provenance);
}
