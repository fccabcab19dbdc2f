import { SeriesSphere } from '../entities/enums.js';
import { conferenceKey, walkSessions, type MergedCorpus } from './check-corpus.js';
import type { CitationInput } from './corpus.schema.js';

/**
 * Checks the facts that editions, series and documents add beside the
 * programme (documents, outcomes, programme completeness, attendance, a
 * series' sphere): references resolve, a province goes with a provincial
 * series only, and every citation quotes its source verbatim. Returns the
 * problems for checkCorpus to report with all the others.
 */
export function checkEditionFacts(corpus: MergedCorpus): string[] {
  const problems: string[] = [];
  const topicSlugs = new Set(corpus.topics.map(({ entry }) => entry.slug));
  const checkCitations = (where: string, cites: CitationInput[]) => {
    for (const [index, cite] of cites.entries()) {
      const source = corpus.texts.get(cite.source);
      if (!source) problems.push(`${where}: cite[${index}]: unknown source "${cite.source}"`);
      else if (!source.text.includes(cite.excerpt)) {
        problems.push(`${where}: cite[${index}]: the excerpt does not occur verbatim in source "${cite.source}": "${cite.excerpt}"`);
      }
    }
  };

  const documentKeys = new Map<string, string>();
  for (const { file, index, entry } of corpus.documents) {
    const where = `${file}: documents[${index}] (${entry.key})`;
    if (documentKeys.has(entry.key)) problems.push(`${where}: duplicate key, already defined at ${documentKeys.get(entry.key)}`);
    else documentKeys.set(entry.key, where);
    entry.topics.forEach((link, linkIndex) => {
      if (!topicSlugs.has(link.topic)) problems.push(`${where}: topics[${linkIndex}]: unknown topic "${link.topic}"`);
    });
    checkCitations(where, entry.cite);
  }

  for (const { file, index, entry } of corpus.series) {
    const where = `${file}: series[${index}] (${entry.slug})`;
    if (entry.sphere === SeriesSphere.PROVINCIAL && !entry.province) problems.push(`${where}: a PROVINCIAL series needs its province`);
    if (entry.province && entry.sphere !== SeriesSphere.PROVINCIAL) problems.push(`${where}: only a PROVINCIAL series has a province`);
    if (entry.sphere && !entry.cite?.length) problems.push(`${where}: the sphere needs a citation (cite)`);
    checkCitations(where, entry.cite ?? []);
    (entry.attendance ?? []).forEach((attendance, attendanceIndex) => checkCitations(`${where}: attendance[${attendanceIndex}]`, attendance.cite));
  }

  for (const { file, index, entry } of corpus.conferences) {
    const where = `${file}: conferences[${index}] (${conferenceKey(entry.series, entry.year)})`;
    (entry.outcomes ?? []).forEach((outcome, outcomeIndex) => checkCitations(`${where}: outcomes[${outcomeIndex}]`, outcome.cite));
    (entry.attendance ?? []).forEach((attendance, attendanceIndex) => checkCitations(`${where}: attendance[${attendanceIndex}]`, attendance.cite));
    if (entry.programme) checkCitations(`${where}: programme`, entry.programme.cite);
    for (const [dayIndex, day] of entry.days.entries()) {
      for (const { session, path } of walkSessions(day.sessions, `${where}: days[${dayIndex}].sessions`)) {
        for (const [linkIndex, link] of (session.documents ?? []).entries()) {
          const linkWhere = `${path} (${session.ref}): documents[${linkIndex}]`;
          if (!documentKeys.has(link.document)) problems.push(`${linkWhere}: unknown document "${link.document}"`);
          checkCitations(linkWhere, link.cite);
        }
      }
    }
  }
  return problems;
}
