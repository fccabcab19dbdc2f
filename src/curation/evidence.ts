import type { EntityManager } from '@mikro-orm/postgresql';
import { Citation, Source } from '../entities/index.js';
import type { CitedKind } from '../entities/enums.js';
import { badUserInput } from '../errors.js';
import { parseGlobalId } from '../schema/global-id.js';

/** Why a new fact may be believed: a source (by global id) and its words, or an editor's note. */
export type Evidence = { sourceId?: string; excerpt?: string; editorialNote?: string };

/**
 * Attaches the evidence for a new record: a citation when a source is given
 * (its excerpt must occur verbatim in the source), or the editorial note.
 * Returns the note the history keeps.
 */
export async function attachEvidence(
  em: EntityManager,
  subject: { kind?: CitedKind; id: number },
  evidence: Evidence,
): Promise<string> {
  const cites = evidence.sourceId !== undefined || evidence.excerpt !== undefined;
  if (cites && evidence.editorialNote !== undefined) {
    throw badUserInput('evidence: give either sourceId with excerpt, or editorialNote, not both', 'evidence');
  }
  if (!cites) {
    if (!evidence.editorialNote) throw badUserInput('evidence: a new fact needs sourceId with excerpt, or an editorialNote', 'evidence');
    return evidence.editorialNote;
  }
  if (!evidence.sourceId || !evidence.excerpt) throw badUserInput('evidence: sourceId and excerpt go together', 'evidence');
  const source = await em.findOne(Source, { id: parseGlobalId(evidence.sourceId, 'evidence.sourceId', ['Source']).id });
  if (!source) throw badUserInput(`evidence.sourceId: no source has the id "${evidence.sourceId}"`, 'evidence.sourceId');
  if (!source.text.includes(evidence.excerpt)) {
    throw badUserInput(`evidence.excerpt: the words do not occur verbatim in the source "${source.title}"`, 'evidence.excerpt');
  }
  if (subject.kind) em.create(Citation, { subjectKind: subject.kind, subjectId: subject.id, source, excerpt: evidence.excerpt });
  return `cited: ${source.title}: "${evidence.excerpt}"`;
}
