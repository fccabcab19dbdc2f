import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { attachEvidence } from '../../curation/evidence.js';
import { freeKey, slugOf } from '../../curation/natural-keys.js';
import { writeTopic } from '../../curation/catalogue-write.js';
import { mergeOrganisation, writeOrganisation } from '../../curation/organisation-write.js';
import { countedReferences, createRecord, deleteRecord, edit, loadForChange, updateRecord, write, type Write } from '../../curation/write.js';
import {
  Annex,
  Citation,
  Conference,
  ConferenceSeries,
  Contact,
  Organisation,
  Position,
  Source,
  Topic,
} from '../../entities/index.js';
import { ChangeAction, CitedKind, Role } from '../../entities/enums.js';
import { recordChange, snapshot } from '../../curation/history.js';
import { badUserInput } from '../../errors.js';
import { checksumOf } from '../../ingest/read-corpus.js';
import { conflict } from '../../curation/curation-errors.js';
import { parseGlobalId, type NodeType } from '../../schema/global-id.js';
import type { Context } from '../../context.js';
import { CreateAnnexInput, AnnexFields, CreateCitationInput, CreateOrganisationInput, CreateSourceInput, CreateTopicInput, OrganisationFields, SourceFields, TopicFields } from './catalogue.inputs.js';
import { DeletedRecord } from './deleted.types.js';
import { calendarDate, keyOf, referenced, sentFields } from './ids.js';

/** The citation kind of each record type a citation may support. */
const citedKindOf: Partial<Record<NodeType, CitedKind>> = {
  Conference: CitedKind.CONFERENCE,
  ConferenceDay: CitedKind.CONFERENCE_DAY,
  Session: CitedKind.SESSION,
  Participation: CitedKind.PARTICIPATION,
  Person: CitedKind.PERSON,
  Position: CitedKind.POSITION,
  Organisation: CitedKind.ORGANISATION,
  Annex: CitedKind.SOURCE_ANNEX,
};

async function parentOrganisation(change: Write, parentId: string | null | undefined, self?: Organisation) {
  if (parentId === undefined || parentId === null) return parentId;
  const parent = await referenced(change.em, Organisation, 'Organisation', parentId, 'input.parentId');
  for (let ancestor: Organisation | undefined = parent; ancestor; ancestor = ancestor.parent ? await change.em.findOne(Organisation, ancestor.parent.id) ?? undefined : undefined) {
    if (self && ancestor.id === self.id) throw badUserInput('input.parentId: an organisation cannot be its own ancestor', 'input.parentId');
  }
  return parent;
}

async function listedConferences(change: Write, ids: string[]) {
  return Promise.all(ids.map((id, index) => referenced(change.em, Conference, 'Conference', id, `input.conferenceIds[${index}]`)));
}

@Resolver()
export class CatalogueMutations {
  @Authorized(Role.EDITOR)
  @Mutation(() => Organisation)
  createOrganisation(@Ctx() context: Context, @Arg('input') input: CreateOrganisationInput) {
    return write(context, async (change) => {
      const { evidence, parentId, ...fields } = input;
      const key = await freeKey(change.em, Organisation, 'key', slugOf(fields.acronym ?? fields.name));
      const parent = await parentOrganisation(change, parentId);
      return edit(change, async (writer) => {
        const organisation = await writeOrganisation(writer, key, { ...fields, parent }, {});
        await change.em.flush();
        writer.describe(await attachEvidence(change.em, { kind: CitedKind.ORGANISATION, id: organisation.id }, evidence));
        return organisation;
      });
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Organisation)
  updateOrganisation(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: OrganisationFields,
  ) {
    return write(context, async (change) => {
      const organisation = await loadForChange(change.em, Organisation, 'Organisation', keyOf(id, 'Organisation', 'id'), version);
      const { parentId, ...fields } = sentFields(input);
      const parent = await parentOrganisation(change, parentId, organisation);
      return edit(change, (writer) => mergeOrganisation(writer, organisation, { ...fields, ...(parent !== undefined && { parent }) }, {}));
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes an organisation nothing refers to.' })
  deleteOrganisation(@Ctx() context: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return write(context, async (change) => {
      const organisation = await loadForChange(change.em, Organisation, 'Organisation', keyOf(id, 'Organisation', 'id'), version);
      const references = await countedReferences([
        ['child organisations', change.em.count(Organisation, { parent: organisation })],
        ['positions', change.em.count(Position, { organisation })],
        ['sources it published', change.em.count(Source, { publisher: organisation })],
        ['series it organises', change.em.count(ConferenceSeries, { organiser: organisation })],
        ['contacts', change.em.count(Contact, { organisation })],
      ]);
      await deleteRecord(change, organisation, 'Organisation', references);
      return { id, recordType: 'Organisation' };
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Topic, { description: 'Adds a topic to the taxonomy.' })
  createTopic(@Ctx() context: Context, @Arg('input') input: CreateTopicInput) {
    return write(context, async (change) => {
      const { slug, ...facts } = input;
      if (await change.em.count(Topic, { slug })) throw conflict(`A topic with the slug "${slug}" already exists`);
      return edit(change, (writer) => {
        writer.describe('taxonomy');
        return writeTopic(writer, slug, facts, {});
      });
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Topic)
  updateTopic(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: TopicFields,
  ) {
    return write(context, async (change) => {
      const topic = await loadForChange(change.em, Topic, 'Topic', keyOf(id, 'Topic', 'id'), version);
      return edit(change, (writer) => writer.merge(topic, 'Topic', topic.slug, sentFields(input), {}, {}));
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes a topic no curator has linked (automatic links go with it).' })
  deleteTopic(@Ctx() context: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return write(context, async (change) => {
      const topic = await loadForChange(change.em, Topic, 'Topic', keyOf(id, 'Topic', 'id'), version);
      const curated = (table: string) =>
        change.em
          .execute<Array<{ count: number }>>(`select count(*)::int as count from ${table} where topic_id = ? and origin = 'CURATED'`, [topic.id])
          .then((rows) => rows[0]!.count);
      const references = await countedReferences([
        ['curated session links', curated('session_topic')],
        ['curated conference links', curated('conference_topic')],
        ['curated organisation links', curated('organisation_topic')],
      ]);
      await deleteRecord(change, topic, 'Topic', references);
      return { id, recordType: 'Topic' };
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: 'Adds a document, its text kept byte for byte so citations can quote it.' })
  createSource(@Ctx() context: Context, @Arg('input') input: CreateSourceInput) {
    return write(context, async (change) => {
      const { publisherId, issuedOn, updatedOn, ...fields } = input;
      const source = change.em.create(Source, {
        ...fields,
        publisher: publisherId ? await referenced(change.em, Organisation, 'Organisation', publisherId, 'input.publisherId') : undefined,
        issuedOn: calendarDate(issuedOn) ?? undefined,
        updatedOn: calendarDate(updatedOn) ?? undefined,
        checksum: checksumOf(fields.text),
      });
      return createRecord(change, source, 'Source', 'the source itself');
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Source, { description: "Corrects a source's description; its text never changes, since citations quote it." })
  updateSource(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: SourceFields,
  ) {
    return write(context, async (change) => {
      const source = await loadForChange(change.em, Source, 'Source', keyOf(id, 'Source', 'id'), version);
      const { publisherId, issuedOn, updatedOn, ...fields } = sentFields(input);
      const publisher =
        typeof publisherId === 'string' ? await referenced(change.em, Organisation, 'Organisation', publisherId, 'input.publisherId') : publisherId;
      const dates = { issuedOn: calendarDate(issuedOn), updatedOn: calendarDate(updatedOn) };
      return edit(change, (writer) => writer.merge(source, 'Source', source.key, { ...fields, publisher, ...dates }, {}, {}));
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord, { description: 'Deletes a source nothing cites.' })
  deleteSource(@Ctx() context: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return write(context, async (change) => {
      const source = await loadForChange(change.em, Source, 'Source', keyOf(id, 'Source', 'id'), version);
      const describing = change.em
        .execute<Array<{ count: number }>>('select count(*)::int as count from conference_source where source_id = ?', [source.id])
        .then((rows) => rows[0]!.count);
      const references = await countedReferences([
        ['citations', change.em.count(Citation, { source })],
        ['annexes', change.em.count(Annex, { source })],
        ['conferences it describes', describing],
      ]);
      await deleteRecord(change, source, 'Source', references);
      return { id, recordType: 'Source' };
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Citation, { description: 'Cites a source for a record; the excerpt must occur verbatim in the source.' })
  createCitation(@Ctx() context: Context, @Arg('input') input: CreateCitationInput) {
    return write(context, async (change) => {
      const { type, id } = parseGlobalId(input.recordId, 'input.recordId');
      const kind = citedKindOf[type];
      if (!kind) throw badUserInput(`input.recordId: a ${type} cannot carry citations`, 'input.recordId');
      const record = await change.em.execute<Array<{ id: number }>>(`select id from ${kind === CitedKind.SOURCE_ANNEX ? 'annex' : slugOf(type).replace(/-/g, '_')} where id = ?`, [id]);
      if (record.length === 0) throw badUserInput(`input.recordId: no ${type} has the id "${input.recordId}"`, 'input.recordId');
      await attachEvidence(change.em, { kind, id }, { sourceId: input.sourceId, excerpt: input.excerpt });
      await change.em.flush();
      const citation = await change.em.findOneOrFail(Citation, { subjectKind: kind, subjectId: id, excerpt: input.excerpt }, { orderBy: { id: 'desc' } });
      recordChange(change.em, { actor: change.actor, action: ChangeAction.CREATE, recordType: 'Citation', recordId: citation.id, after: { ...snapshot(change.em, citation), recordType: type, recordId: id } });
      await change.em.flush();
      return citation;
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Boolean, { description: 'Removes a citation from a record.' })
  deleteCitation(
    @Ctx() context: Context,
    @Arg('recordId', () => ID) recordId: string,
    @Arg('sourceId', () => ID) sourceId: string,
    @Arg('excerpt') excerpt: string,
  ) {
    return write(context, async (change) => {
      const { type, id } = parseGlobalId(recordId, 'recordId');
      const kind = citedKindOf[type];
      if (!kind) throw badUserInput(`recordId: a ${type} carries no citations`, 'recordId');
      const citation = await change.em.findOne(Citation, { subjectKind: kind, subjectId: id, source: keyOf(sourceId, 'Source', 'sourceId'), excerpt });
      if (!citation) throw badUserInput('No such citation on that record', 'excerpt');
      const before = { ...snapshot(change.em, citation), recordType: type, recordId: id };
      change.em.remove(citation);
      await change.em.flush();
      recordChange(change.em, { actor: change.actor, action: ChangeAction.DELETE, recordType: 'Citation', recordId: citation.id, before });
      await change.em.flush();
      return true;
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Annex, { description: "Records an attachment a source refers to, such as its 'tag A', and the conferences it lists." })
  createAnnex(@Ctx() context: Context, @Arg('input') input: CreateAnnexInput) {
    return write(context, async (change) => {
      const source = await referenced(change.em, Source, 'Source', input.sourceId, 'input.sourceId');
      const annex = change.em.create(Annex, { source, label: input.label, description: input.description, available: input.available });
      annex.conferences.set(await listedConferences(change, input.conferenceIds ?? []));
      await change.em.flush();
      const note = await attachEvidence(change.em, { kind: CitedKind.SOURCE_ANNEX, id: annex.id }, input.evidence);
      return createRecord(change, annex, 'Annex', note);
    });
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Annex)
  updateAnnex(
    @Ctx() context: Context,
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: AnnexFields,
  ) {
    return write(context, async (change) => {
      const annex = await loadForChange(change.em, Annex, 'Annex', keyOf(id, 'Annex', 'id'), version);
      const { conferenceIds, ...fields } = sentFields(input);
      const conferences = conferenceIds ? await listedConferences(change, conferenceIds) : undefined;
      await annex.conferences.init();
      return updateRecord(change, annex, 'Annex', () => {
        if (fields.description !== undefined) annex.description = fields.description;
        if (fields.available !== undefined) annex.available = fields.available;
        if (conferences) annex.conferences.set(conferences);
      });
    });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => DeletedRecord)
  deleteAnnex(@Ctx() context: Context, @Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number) {
    return write(context, async (change) => {
      const annex = await loadForChange(change.em, Annex, 'Annex', keyOf(id, 'Annex', 'id'), version);
      await deleteRecord(change, annex, 'Annex', []);
      return { id, recordType: 'Annex' };
    });
  }
}

