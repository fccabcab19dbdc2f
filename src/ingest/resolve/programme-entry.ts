import { createOrganisationResolver, type KnownOrganisation, type OrganisationMatch } from './organisation-match.js';
import { parsePersonName } from './person-name.js';
import type { PersonEvidence } from './person-match.js';
import { normaliseTitle } from './position-title.js';

/** Role labels that open a programme line ("Facilitator: Dr C Nwaila, …"). */
const ROLE_LABEL = /^\s*(chairperson|chair|facilitator|presenter|speaker|keynote speaker|panellist|panelist|moderator|respondent|programme director|master of ceremonies|mc)\s*:\s*/i;

export interface ProgrammeEntry {
  /** The label the line opened with, as written ("Facilitator"). */
  role?: string;
  /** The person, ready for scorePersonMatch: the name as parsed, the line's name as an alias, its position if any. */
  person: PersonEvidence;
  /** How the position's organisation was resolved, when it was. */
  organisation?: OrganisationMatch;
  /** Whether the position is an acting one ("Acting Chief Executive Officer"). */
  acting: boolean;
}

/**
 * Reads one programme line: "Chairperson: Ms C Clark: Deputy Director-General,
 * Department of Public Service and Administration (DPSA)", "Presenter: Dr E
 * Ijeoma, Senior Lecturer University of Pretoria", "• Ms GJ Fraser-Moleketi".
 * The name ends at the first colon or comma; the rest is the position: its
 * first part is the title (less any organisation name that ends it), and the
 * organisation is resolved from the whole rest.
 */
export function parseProgrammeEntry(
  line: string,
  known: readonly KnownOrganisation[] | ((text: string) => OrganisationMatch | undefined),
): ProgrammeEntry {
  const resolve = typeof known === 'function' ? known : createOrganisationResolver(known);
  const label = ROLE_LABEL.exec(line);
  const text = (label ? line.slice(label[0].length) : line).replace(/^[\s•·*–—-]+/u, '').trim();

  const split = /[:,]/.exec(text);
  const nameText = (split ? text.slice(0, split.index) : text).trim();
  const rest = split ? text.slice(split.index + 1).trim() : '';
  const name = parsePersonName(nameText);

  const organisation = rest ? resolve(rest) : undefined;
  let title = rest.split(/\s*[:;,(]\s*/)[0]!.trim();
  // The organisation may end the title ("Senior Lecturer University of Pretoria") or be all of
  // it ("Commissioner K Mashigo, Public Service Commission", which states no title).
  if (organisation && title.endsWith(organisation.matched)) title = title.slice(0, -organisation.matched.length).trim();
  const { acting } = normaliseTitle(title);
  title = title.replace(/^acting\s+/i, '');

  const position = {
    ...(title ? { title } : {}),
    ...(organisation ? { organisationKey: organisation.key } : {}),
  };
  return {
    ...(label ? { role: label[1]! } : {}),
    person: { ...name, aliases: [nameText], positions: title || organisation ? [position] : [] },
    ...(organisation ? { organisation } : {}),
    acting,
  };
}
