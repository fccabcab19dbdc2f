import type { CorpusFile } from '../../corpus.schema.js';
import { bestPersonMatch, createOrganisationResolver, scorePersonMatch, surnameKeysOf, type PersonEvidence } from '../../resolve/index.js';

/**
 * Which curated person each person of a draft would be linked to on import.
 * The same pure matchers `kb import` uses (src/ingest/resolve), run against a
 * curated corpus held in memory instead of the database, so the evaluation
 * needs no database; test/extract-link.test.ts checks the real import agrees.
 */
export function linkToKnown(draft: CorpusFile, known: CorpusFile): Map<string, string> {
  const resolveOrganisation = createOrganisationResolver(
    known.organisations.map(({ key, name, acronym, aliases, kind }) => ({ key, name, aliases, kind, ...(acronym ? { acronym } : {}) })),
  );
  const organisationKeys = new Map(
    draft.organisations.flatMap((organisation) => {
      const match = resolveOrganisation(organisation.name) ?? (organisation.acronym ? resolveOrganisation(organisation.acronym) : undefined);
      return match ? [[organisation.key, match.key] as const] : [];
    }),
  );
  const candidates = known.people.map((person) => {
    const evidence: PersonEvidence = {
      honorific: person.honorific,
      initials: person.initials,
      givenNames: person.givenNames,
      surname: person.surname,
      aliases: person.aliases,
      positions: person.positions.map((position) => ({ title: position.title, organisationKey: position.organisation })),
    };
    return { ...evidence, key: person.key, surnameKeys: surnameKeysOf(evidence) };
  });
  const links = new Map<string, string>();
  for (const person of draft.people) {
    const evidence: PersonEvidence = {
      honorific: person.honorific,
      initials: person.initials,
      givenNames: person.givenNames,
      surname: person.surname,
      aliases: person.aliases,
      positions: person.positions.map((position) => ({
        title: position.title,
        organisationKey: position.organisation === undefined ? undefined : (organisationKeys.get(position.organisation) ?? position.organisation),
      })),
    };
    // As on import, the draft's key names a known person unless the evidence says otherwise.
    const sameKey = candidates.find((candidate) => candidate.key === person.key);
    if (sameKey && scorePersonMatch(evidence, sameKey).decision !== 'DIFFERENT') {
      links.set(person.key, sameKey.key);
      continue;
    }
    const keys = new Set(surnameKeysOf(evidence));
    const best = bestPersonMatch(evidence, candidates.filter((candidate) => candidate.surnameKeys.some((key) => keys.has(key))));
    if (best.same) links.set(person.key, best.same.candidate.key);
  }
  return links;
}
