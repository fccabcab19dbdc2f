/**
 * Identity resolution for imports: whether a person or organisation a new
 * programme names is one already known. Pure functions: the caller loads the
 * candidates and applies the decisions (link, create with possibleDuplicates,
 * or create).
 */
export { compactKey, fold, foldedWords } from './fold.js';
export { parsePersonName, type PersonName } from './person-name.js';
export {
  createOrganisationResolver,
  normaliseOrganisationName,
  ORGANISATION_SCORES,
  resolveOrganisation,
  type KnownOrganisation,
  type OrganisationMatch,
} from './organisation-match.js';
export {
  bestPersonMatch,
  PERSON_WEIGHTS,
  POSSIBLE_THRESHOLD,
  SAME_THRESHOLD,
  scorePersonMatch,
  surnameKeysOf,
  type BestPersonMatch,
  type CandidateMatch,
  type MatchDecision,
  type PersonEvidence,
  type PersonMatch,
  type PersonPosition,
} from './person-match.js';
export { parseProgrammeEntry, type ProgrammeEntry } from './programme-entry.js';
export { normaliseTitle } from './position-title.js';
