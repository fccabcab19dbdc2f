import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  bestPersonMatch,
  createOrganisationResolver,
  normaliseTitle,
  parsePersonName,
  parseProgrammeEntry,
  resolveOrganisation,
  scorePersonMatch,
  surnameKeysOf,
  type KnownOrganisation,
  type PersonEvidence,
} from '../src/ingest/resolve/index.js';

/**
 * Identity resolution for imports (src/ingest/resolve): pure functions, so
 * these tests touch no database. Organisations are those of the seed corpus,
 * written out here so that the expectations do not move when the corpus does;
 * the last block runs the real corpus and sources end to end.
 */

const ORGANISATIONS: KnownOrganisation[] = [
  { key: 'dpsa', name: 'Department of Public Service and Administration', acronym: 'DPSA', aliases: [], kind: 'NATIONAL_DEPARTMENT' },
  { key: 'free-state', name: 'Free State Provincial Government', aliases: ['Free State'], kind: 'PROVINCIAL_GOVERNMENT' },
  { key: 'cpsi', name: 'Centre for Public Service Innovation', acronym: 'CPSI', aliases: ['Centre For Public Service Innovation'], kind: 'PUBLIC_ENTITY' },
  { key: 'university-of-pretoria', name: 'University of Pretoria', aliases: [], kind: 'UNIVERSITY' },
  { key: 'saps', name: 'South African Police Service', acronym: 'SAPS', aliases: [], kind: 'POLICE_SERVICE' },
  { key: 'srsa', name: 'Sport and Recreation South Africa', aliases: [], kind: 'NATIONAL_DEPARTMENT' },
  { key: 'psc', name: 'Public Service Commission', aliases: [], kind: 'CONSTITUTIONAL_BODY' },
  { key: 'sms-womens-forum', name: "SMS Women's Forum", aliases: [], kind: 'FORUM' },
  { key: 'labour', name: 'Department of Labour', aliases: [], kind: 'NATIONAL_DEPARTMENT' },
  { key: 'semsd-internal-audit', name: 'Internal Audit', aliases: [], kind: 'ORGANISATIONAL_UNIT' },
  { key: 'semsd-executive-mayors-office', name: 'Executive Mayor’s Office', aliases: [], kind: 'ORGANISATIONAL_UNIT' },
];

const resolve = createOrganisationResolver(ORGANISATIONS);

/** A person as an import would present them: read from a programme line. */
function entry(line: string): PersonEvidence {
  return parseProgrammeEntry(line, resolve).person;
}

describe('parsePersonName', () => {
  it.each([
    ['Professor Thandi M Dlamini', { honorific: 'Prof', givenNames: 'Thandi', initials: 'T M', surname: 'Dlamini' }],
    ['Prof T M Dlamini', { honorific: 'Prof', initials: 'T M', surname: 'Dlamini' }],
    ['Prof. R.M. Levin', { honorific: 'Prof', initials: 'R M', surname: 'Levin' }],
    ['Ms GJ Fraser-Moleketi', { honorific: 'Ms', initials: 'G J', surname: 'Fraser-Moleketi' }],
    ['Ms G J Fraser Moleketi', { honorific: 'Ms', initials: 'G J', surname: 'Fraser Moleketi' }],
    ['Ms G J Fraser - Moleketi', { honorific: 'Ms', initials: 'G J', surname: 'Fraser-Moleketi' }],
    ['Adv Misser', { honorific: 'Adv', surname: 'Misser' }],
    ['Advocate Misser', { honorific: 'Adv', surname: 'Misser' }],
    ['Dr E Ijeoma', { honorific: 'Dr', initials: 'E', surname: 'Ijeoma' }],
    ['Commissioner K Mashigo', { honorific: 'Commissioner', initials: 'K', surname: 'Mashigo' }],
    ['Mr L. Mthethwa', { honorific: 'Mr', initials: 'L', surname: 'Mthethwa' }],
    ['Ms L Msengana-Ndlela', { honorific: 'Ms', initials: 'L', surname: 'Msengana-Ndlela' }],
    ['Mrs A van der Merwe', { honorific: 'Mrs', initials: 'A', surname: 'van der Merwe' }],
    ['Mr J Van Der Merwe', { honorific: 'Mr', initials: 'J', surname: 'van der Merwe' }],
    ['Johan van der Merwe', { givenNames: 'Johan', initials: 'J', surname: 'van der Merwe' }],
    ['Dr P du Plessis', { honorific: 'Dr', initials: 'P', surname: 'du Plessis' }],
    ['Mr P Janse van Rensburg', { honorific: 'Mr', initials: 'P', surname: 'Janse van Rensburg' }],
    ['Miss N Ngcobo', { honorific: 'Miss', initials: 'N', surname: 'Ngcobo' }],
    ['Ms Hefele', { honorific: 'Ms', surname: 'Hefele' }],
    ['Hon Dr Z Skweyiya', { honorific: 'Hon Dr', initials: 'Z', surname: 'Skweyiya' }],
    ['The Honourable T Dlamini', { honorific: 'Hon', initials: 'T', surname: 'Dlamini' }],
    ['Deputy Minister J Phaahla', { honorific: 'Deputy Minister', initials: 'J', surname: 'Phaahla' }],
    ['Prof T M DLAMINI', { honorific: 'Prof', initials: 'T M', surname: 'Dlamini' }],
    ['Ms G J FRASER-MOLEKETI', { honorific: 'Ms', initials: 'G J', surname: 'Fraser-Moleketi' }],
    ['José Pérez', { givenNames: 'José', initials: 'J', surname: 'Pérez' }],
    ['Dr Émile Coetzée', { honorific: 'Dr', givenNames: 'Émile', initials: 'E', surname: 'Coetzée' }],
    ['Dlamini, T M', { initials: 'T M', surname: 'Dlamini' }],
    ['van der Merwe, Prof J', { honorific: 'Prof', initials: 'J', surname: 'van der Merwe' }],
    ['Dlamini T M', { initials: 'T M', surname: 'Dlamini' }],
    ['• Ms C Clark', { honorific: 'Ms', initials: 'C', surname: 'Clark' }],
    ['Mr K NG', { honorific: 'Mr', initials: 'K', surname: 'Ng' }],
    ['Thandi Nomvula Dlamini', { givenNames: 'Thandi Nomvula', initials: 'T N', surname: 'Dlamini' }],
  ])('%s', (text, expected) => {
    expect(parsePersonName(text)).toEqual(expected);
  });

  it('keeps a lone word as the surname even when it could be an honorific', () => {
    expect(parsePersonName('Judge')).toEqual({ surname: 'Judge' });
  });

  it('refuses text with no name', () => {
    expect(() => parsePersonName('  •  ')).toThrow('No name');
  });
});

describe('normaliseTitle', () => {
  it.each([
    ['Deputy Director-General', { key: 'deputy director general', acting: false }],
    ['DDG', { key: 'deputy director general', acting: false }],
    ['Director General', { key: 'director general', acting: false }],
    ['Acting Chief Executive Officer', { key: 'chief executive officer', acting: true }],
    ['Acting CEO', { key: 'chief executive officer', acting: true }],
    [undefined, { key: '', acting: false }],
  ])('%s', (title, expected) => {
    expect(normaliseTitle(title)).toEqual(expected);
  });
});

describe('resolveOrganisation', () => {
  it.each([
    ['Department of Public Service and Administration', 'dpsa', 1],
    ['DPSA', 'dpsa', 0.95],
    ['dpsa', 'dpsa', 0.95],
    ['Department of Public Service and Administration (DPSA)', 'dpsa', 1],
    ['Dept. of Public Service & Administration', 'dpsa', 1],
    ['the Department of Public Service and Administration', 'dpsa', 1],
    ['Centre For Public Service Innovation (CPSI)', 'cpsi', 1],
    ['CENTRE FOR PUBLIC SERVICE INNOVATION', 'cpsi', 1],
    ['Free State', 'free-state', 0.95],
    ['Free State Provincial Government', 'free-state', 1],
    ['Province of the Free State', 'free-state', 0.9],
    ['Free State Province', 'free-state', 0.9],
    ['Director-General: Public Service and Administration', 'dpsa', 0.9],
    ['Director-General, Department of Public Service and Administration', 'dpsa', 1],
    ['Deputy Director-General, Department of Public Service and Administration (DPSA)', 'dpsa', 1],
    ['Director-General, Free State', 'free-state', 0.95],
    ['Deputy Director-General, SAPS', 'saps', 0.95],
    ['Deputy Director-General SAPS', 'saps', 0.855],
    ['Senior Lecturer University of Pretoria', 'university-of-pretoria', 0.9],
    ['Acting Chief Executive Officer, Centre For Public Service Innovation (CPSI)', 'cpsi', 1],
    ['SRSA', 'srsa', 0.8],
    ['Public Service Commission', 'psc', 1],
    ['PSC', 'psc', 0.8],
    ["Women in Leadership - SMS Women's Forum", 'sms-womens-forum', 1],
    ['Internal Audit', 'semsd-internal-audit', 1],
    ["Executive Mayor's Office", 'semsd-executive-mayors-office', 1],
    ['Director: Internal Audit, SAPS', 'saps', 0.95],
  ])('%s → %s (%s)', (text, key, score) => {
    const match = resolveOrganisation(text, ORGANISATIONS);
    expect(match?.key).toBe(key);
    expect(match?.score).toBeCloseTo(score, 10);
  });

  it.each([
    // Unknown organisations.
    'Department of Health',
    'Gauteng',
    'National Treasury',
    // "Public Service and Administration" may name the department only as a whole part, not inside a longer phrase.
    'Minister for the Public Service and Administration',
    'Ministry for the Public Service and Administration',
    // Derived acronyms are trusted only in capitals; declared ones in any case.
    'srsa',
    // Generic unit names only count as the whole text.
    'Director: Internal Audit',
    // Two organisations named: ambiguous, so neither.
    'DPSA, SAPS',
    'Department of Labour (DPSA)',
    '',
  ])('%j → undefined', (text) => {
    expect(resolveOrganisation(text, ORGANISATIONS)).toBeUndefined();
  });

  it('explains the match and says which words named the organisation', () => {
    expect(resolveOrganisation('Director-General: Public Service and Administration', ORGANISATIONS)).toEqual({
      key: 'dpsa',
      score: 0.9,
      reason: '"Public Service and Administration" is the name of Department of Public Service and Administration without "Department of"',
      matched: 'Public Service and Administration',
    });
    expect(resolveOrganisation('Department of Public Service and Administration (DPSA)', ORGANISATIONS)).toEqual({
      key: 'dpsa',
      score: 1,
      reason:
        '"Department of Public Service and Administration" is the name of Department of Public Service and Administration; "DPSA" is the acronym of Department of Public Service and Administration',
      matched: 'Department of Public Service and Administration',
    });
  });

  it('resolves a province to its provincial government even without an alias', () => {
    const known: KnownOrganisation[] = [
      { key: 'fs', name: 'Free State Provincial Government', aliases: [], kind: 'PROVINCIAL_GOVERNMENT' },
      { key: 'kzn', name: 'KwaZulu-Natal Provincial Administration', aliases: [], kind: 'PROVINCIAL_GOVERNMENT' },
      { key: 'limpopo', name: 'Limpopo Provincial Government', aliases: [], kind: 'PROVINCIAL_GOVERNMENT' },
      { key: 'fs-health', name: 'Free State Department of Health', aliases: [], kind: 'OTHER' },
    ];
    expect(resolveOrganisation('Free State', known)).toMatchObject({ key: 'fs', score: 0.9 });
    expect(resolveOrganisation('Director-General, Free State', known)).toMatchObject({ key: 'fs', score: 0.9 });
    expect(resolveOrganisation('KwaZulu Natal', known)).toMatchObject({ key: 'kzn', score: 0.9 });
    expect(resolveOrganisation('KZN', known)).toMatchObject({ key: 'kzn', score: 0.9 });
    // Limpopo was the Northern Province until 2002.
    expect(resolveOrganisation('Northern Province', known)).toMatchObject({ key: 'limpopo', score: 0.9 });
    // A provincial department is not the province.
    expect(resolveOrganisation('Free State Department of Health', known)).toMatchObject({ key: 'fs-health', score: 1 });
    expect(resolveOrganisation('Western Cape', known)).toBeUndefined();
  });

  it('gives undefined when two organisations share a name or acronym', () => {
    const known: KnownOrganisation[] = [
      { key: 'a', name: 'Public Service Academy', acronym: 'PSA', aliases: [], kind: 'OTHER' },
      { key: 'b', name: 'Public Servants Association', acronym: 'PSA', aliases: [], kind: 'OTHER' },
    ];
    expect(resolveOrganisation('PSA', known)).toBeUndefined();
    expect(resolveOrganisation('Public Service Academy', known)).toMatchObject({ key: 'a', score: 1 });
  });
});

describe('parseProgrammeEntry', () => {
  it('reads role, name, title and organisation from a programme line', () => {
    expect(parseProgrammeEntry('Presenter: Dr E Ijeoma, Senior Lecturer University of Pretoria', ORGANISATIONS)).toEqual({
      role: 'Presenter',
      person: {
        honorific: 'Dr',
        initials: 'E',
        surname: 'Ijeoma',
        aliases: ['Dr E Ijeoma'],
        positions: [{ title: 'Senior Lecturer', organisationKey: 'university-of-pretoria' }],
      },
      organisation: expect.objectContaining({ key: 'university-of-pretoria', score: 0.9 }),
      acting: false,
    });
  });

  it('reads an acting position and keeps the title without "Acting"', () => {
    const parsed = parseProgrammeEntry(
      'Facilitator: Mr L Mthethwa, Acting Chief Executive Officer, Centre For Public Service Innovation (CPSI)',
      ORGANISATIONS,
    );
    expect(parsed.acting).toBe(true);
    expect(parsed.person.positions).toEqual([{ title: 'Chief Executive Officer', organisationKey: 'cpsi' }]);
  });

  it('reads the colon form and the Director-General phrase', () => {
    expect(entry('Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)').positions).toEqual([
      { title: 'Deputy Director-General', organisationKey: 'dpsa' },
    ]);
    expect(entry('Professor Thandi M Dlamini, Director-General: Public Service and Administration')).toEqual({
      honorific: 'Prof',
      givenNames: 'Thandi',
      initials: 'T M',
      surname: 'Dlamini',
      aliases: ['Professor Thandi M Dlamini'],
      positions: [{ title: 'Director-General', organisationKey: 'dpsa' }],
    });
  });

  it('gives no title when the line names only the organisation, and no position when it names neither', () => {
    expect(entry('Presenter: Commissioner K Mashigo, Public Service Commission').positions).toEqual([{ organisationKey: 'psc' }]);
    expect(entry('• Ms C Clark').positions).toEqual([]);
    expect(entry('Chairperson: Dr X Unknown, Chief Director, Department of Magic').positions).toEqual([{ title: 'Chief Director' }]);
  });
});

describe('scorePersonMatch', () => {
  const dlamini = entry('Prof T M Dlamini, Director-General, Department of Public Service and Administration');
  const clark: PersonEvidence = {
    honorific: 'Ms',
    initials: 'C',
    surname: 'Clark',
    aliases: ['Ms C Clark'],
    positions: [{ title: 'Deputy Director-General', organisationKey: 'dpsa' }],
  };

  it('the same Director-General named in full and by initials: SAME', () => {
    const match = scorePersonMatch(entry('Professor Thandi M Dlamini, Director-General: Public Service and Administration'), dlamini);
    expect(match).toEqual({
      score: 1,
      decision: 'SAME',
      reasons: [
        'surname Dlamini agrees',
        'initials T M agree',
        'given name Thandi fits initial T',
        'honorific Prof agrees',
        'same organisation: dpsa',
        'same title: Director-General at dpsa',
        'same person: matching initials and organisation',
      ],
    });
  });

  it('conflicting initials: DIFFERENT, whatever the positions', () => {
    expect(scorePersonMatch(entry('Dr S Dlamini, Deputy Director-General, SAPS'), dlamini)).toEqual({
      score: 0,
      decision: 'DIFFERENT',
      reasons: ['initials S and T M conflict'],
    });
    expect(scorePersonMatch(entry('Prof T S Dlamini, Director-General, DPSA'), dlamini)).toEqual({
      score: 0,
      decision: 'DIFFERENT',
      reasons: ['initials T S and T M conflict'],
    });
  });

  it('"T" and "T M" are compatible: SAME with the organisation, POSSIBLE without', () => {
    expect(scorePersonMatch(entry('Prof T Dlamini, Director-General, DPSA'), dlamini)).toMatchObject({ score: 0.9, decision: 'SAME' });
    expect(scorePersonMatch(entry('Prof T Dlamini'), dlamini)).toMatchObject({ score: 0.55, decision: 'POSSIBLE' });
  });

  it('a given name fits its initial; a different given name is another person; a short form is only compatible', () => {
    const thandiwe: PersonEvidence = { honorific: 'Prof', givenNames: 'Thandiwe', initials: 'T M', surname: 'Dlamini', positions: [{ title: 'Director-General', organisationKey: 'dpsa' }] };
    expect(scorePersonMatch(entry('Prof Thandi Dlamini, Director-General, DPSA'), thandiwe)).toMatchObject({ score: 0.9, decision: 'SAME' });
    expect(scorePersonMatch(entry('Prof Thandi Dlamini, Director-General, DPSA'), thandiwe).reasons).toContain('given names Thandi and Thandiwe may be one name shortened');
    expect(scorePersonMatch(entry('Prof Thabo Dlamini, Director-General, DPSA'), thandiwe)).toEqual({
      score: 0,
      decision: 'DIFFERENT',
      reasons: ['given names Thabo and Thandiwe differ'],
    });
  });

  it('a later initial used alone is at most POSSIBLE, even at the same organisation', () => {
    const match = scorePersonMatch(entry('Prof M Dlamini, Director-General, DPSA'), dlamini);
    expect(match).toMatchObject({ score: 0.8, decision: 'POSSIBLE' });
    expect(match.reasons).toContain('initials M and T M are compatible only if a later forename is used alone');
  });

  it('Ms C Clark without a position is the Ms C Clark who is DDG at DPSA: identical names with initials and nothing against', () => {
    // The 2007 programme names her twice, once with her position and once without; she is one person.
    expect(scorePersonMatch(entry('• Ms C Clark'), clark)).toEqual({
      score: 0.8,
      decision: 'SAME',
      reasons: [
        'surname Clark agrees',
        'initials C agree',
        'honorific Ms agrees',
        'the names are identical',
        'same person: identical names with initials and nothing against them',
      ],
    });
    expect(scorePersonMatch(entry('Ms C Clark: Deputy Director-General, DPSA'), clark)).toMatchObject({ score: 1, decision: 'SAME' });
  });

  it('an identical name at another organisation is only POSSIBLE', () => {
    const match = scorePersonMatch(entry('Ms C Clark, Director, SAPS'), clark);
    expect(match).toMatchObject({ score: 0.7, decision: 'POSSIBLE' });
    expect(match.reasons).toContain('no organisation in common (saps vs dpsa)');
  });

  it('Ms, Mrs and Miss are compatible; Mr and Ms are two people', () => {
    expect(scorePersonMatch(entry('Mrs C Clark'), clark)).toMatchObject({ score: 0.8, decision: 'SAME' });
    expect(scorePersonMatch(entry('Miss C Clark'), clark).reasons).toContain('honorifics Miss and Ms are compatible');
    expect(scorePersonMatch(entry('Mr C Clark'), clark)).toEqual({
      score: 0,
      decision: 'DIFFERENT',
      reasons: ['honorifics Mr and Ms name different genders'],
    });
  });

  it('Prof and Professor are one honorific', () => {
    const levin = entry('Prof R M Levin: Director-General, Department of Public Service and Administration');
    expect(scorePersonMatch(entry('Professor R M Levin'), levin)).toMatchObject({ score: 0.8, decision: 'SAME' });
  });

  it('Dr and Prof do not conflict (titles change) but lower the score', () => {
    expect(scorePersonMatch(entry('Dr T M Dlamini, Director-General, DPSA'), dlamini)).toMatchObject({ score: 0.9, decision: 'SAME' });
    const bare = scorePersonMatch(entry('Dr T M Dlamini'), dlamini);
    expect(bare).toMatchObject({ score: 0.55, decision: 'POSSIBLE' });
    expect(bare.reasons).toContain('honorifics Dr and Prof differ (titles change)');
  });

  it('hyphenated and spaced compound surnames are one surname', () => {
    const fraserMoleketi: PersonEvidence = { honorific: 'Ms', initials: 'G J', surname: 'Fraser-Moleketi', positions: [] };
    expect(scorePersonMatch(entry('Ms G J Fraser Moleketi'), fraserMoleketi)).toMatchObject({ score: 0.8, decision: 'SAME' });
    expect(scorePersonMatch(entry('Ms GJ Fraser-Moleketi'), fraserMoleketi)).toMatchObject({ score: 0.8, decision: 'SAME' });
    // Without initials nothing marks where the surname starts; the matcher tries the compound reading.
    const spelledOut = scorePersonMatch(entry('Geraldine Fraser Moleketi'), fraserMoleketi);
    expect(spelledOut).toMatchObject({ score: 0.5, decision: 'POSSIBLE' });
    expect(spelledOut.reasons[0]).toBe('surname Fraser-Moleketi agrees ("Fraser Moleketi" read as one surname)');
  });

  it('accents and capitals do not matter', () => {
    const perez: PersonEvidence = { honorific: 'Ms', initials: 'R', surname: 'Perez', positions: [] };
    expect(scorePersonMatch(entry('Ms R Pérez'), perez)).toMatchObject({ score: 0.8, decision: 'SAME' });
    expect(scorePersonMatch(entry('MS R PEREZ'), perez)).toMatchObject({ score: 0.8, decision: 'SAME' });
    const coetzee: PersonEvidence = { honorific: 'Dr', givenNames: 'Emile', initials: 'E', surname: 'Coetzee', positions: [] };
    expect(scorePersonMatch(entry('Dr Émile Coetzée'), coetzee)).toMatchObject({ score: 0.8, decision: 'SAME' });
  });

  it('particles are part of the surname, whatever their case or spacing', () => {
    const vanDerMerwe: PersonEvidence = { honorific: 'Mr', initials: 'J', surname: 'van der Merwe', positions: [] };
    expect(scorePersonMatch(entry('Mr J Van Der Merwe'), vanDerMerwe)).toMatchObject({ score: 0.8, decision: 'SAME' });
    expect(scorePersonMatch(entry('Mr J Vandermerwe'), vanDerMerwe)).toMatchObject({ score: 0.8, decision: 'SAME' });
    expect(scorePersonMatch(entry('Mr J Merwe'), vanDerMerwe)).toEqual({
      score: 0,
      decision: 'DIFFERENT',
      reasons: ['surnames Merwe and van der Merwe differ'],
    });
  });

  it('an acting post is the post', () => {
    const mthethwa: PersonEvidence = { honorific: 'Mr', initials: 'L', surname: 'Mthethwa', positions: [{ title: 'Chief Executive Officer', organisationKey: 'cpsi' }] };
    const match = scorePersonMatch(
      { honorific: 'Mr', initials: 'L', surname: 'Mthethwa', positions: [{ title: 'Acting CEO', organisationKey: 'cpsi' }] },
      mthethwa,
    );
    expect(match).toMatchObject({ score: 1, decision: 'SAME' });
    expect(match.reasons).toContain('same title: Chief Executive Officer at cpsi (acting on one side)');
  });

  it('an office honorific counts as the title it names', () => {
    const mashigo = entry('Commissioner K Mashigo, Commissioner, Public Service Commission');
    const match = scorePersonMatch(entry('Commissioner K Mashigo'), mashigo);
    expect(match).toMatchObject({ score: 0.9, decision: 'SAME' });
    expect(match.reasons).toContain('same title: Commissioner');
  });

  it('without initials, only the same title at the same organisation makes SAME', () => {
    expect(scorePersonMatch(entry('Adv Misser'), entry('Adv Misser'))).toMatchObject({ score: 0.45, decision: 'POSSIBLE' });
    expect(scorePersonMatch(entry('Mr Manyi, Director-General, Department of Labour'), entry('Mr Manyi: Director-General, Labour'))).toMatchObject({
      score: 0.8,
      decision: 'SAME',
    });
    expect(scorePersonMatch(entry('Mr Manyi, Department of Labour'), entry('Mr Manyi: Director-General, Labour'))).toMatchObject({
      score: 0.65,
      decision: 'POSSIBLE',
    });
  });

  it('a shared title alone at another organisation, with nothing but the surname, is too little', () => {
    expect(scorePersonMatch(entry('Mr Dlamini, Director-General, Free State'), dlamini)).toMatchObject({ score: 0.35, decision: 'POSSIBLE' });
    const match = scorePersonMatch(entry('Mr Dlamini, Director, Free State'), dlamini);
    expect(match).toMatchObject({ score: 0.25, decision: 'DIFFERENT' });
    expect(match.reasons.at(-1)).toBe('too little in common (score below 0.35)');
  });

  it('matches through an alias, including a maiden name', () => {
    const hefele: PersonEvidence = { honorific: 'Ms', surname: 'Hefele', aliases: ['Ms Hefele', 'Ms B Hefele'], positions: [] };
    const byAlias = scorePersonMatch(entry('Ms B Hefele'), hefele);
    expect(byAlias).toMatchObject({ score: 0.8, decision: 'SAME' });
    expect(byAlias.reasons).toContain('by alias "Ms B Hefele"');
    const married: PersonEvidence = { honorific: 'Ms', initials: 'N', surname: 'Dlamini', aliases: ['Ms N Zuma'], positions: [] };
    expect(scorePersonMatch(entry('Ms N Zuma'), married)).toMatchObject({ score: 0.8, decision: 'SAME' });
  });

  it('an alias without initials cannot hide conflicting initials', () => {
    const withBareAlias: PersonEvidence = { ...dlamini, aliases: ['Prof Dlamini'] };
    expect(scorePersonMatch(entry('Prof S Dlamini'), withBareAlias)).toEqual({
      score: 0,
      decision: 'DIFFERENT',
      reasons: ['initials S and T M conflict'],
    });
  });

  it('different surnames are DIFFERENT', () => {
    expect(scorePersonMatch(entry('Dr M Singh, Deputy Commissioner, SAPS'), entry('Dr M Orkin'))).toEqual({
      score: 0,
      decision: 'DIFFERENT',
      reasons: ['surnames Singh and Orkin differ'],
    });
  });
});

describe('surnameKeysOf', () => {
  it('gives every key a candidate must be loaded under', () => {
    expect(surnameKeysOf(entry('Mr J Van Der Merwe'))).toEqual(['vandermerwe']);
    expect(surnameKeysOf(entry('Ms GJ Fraser-Moleketi'))).toEqual(['frasermoleketi']);
    expect(surnameKeysOf(entry('Geraldine Fraser Moleketi'))).toEqual(['moleketi', 'frasermoleketi', 'geraldinefrasermoleketi']);
    expect(surnameKeysOf({ honorific: 'Ms', initials: 'N', surname: 'Dlamini', aliases: ['Ms N Zuma'], positions: [] })).toEqual(['dlamini', 'zuma']);
    expect(surnameKeysOf(entry('Ms R Pérez'))).toEqual(['perez']);
  });
});

describe('bestPersonMatch', () => {
  const dlamini = { key: 'dlamini-t-m', ...entry('Prof T M Dlamini, Director-General, Department of Public Service and Administration') };
  const otherDlamini = { key: 'dlamini-s', ...entry('Dr S Dlamini, Deputy Director-General, SAPS') };
  const levin = { key: 'levin-r-m', ...entry('Prof R M Levin: Director-General, Department of Public Service and Administration') };
  const candidates = [levin, otherDlamini, dlamini];

  it('returns the SAME candidate', () => {
    const best = bestPersonMatch(entry('Professor Thandi M Dlamini, Director-General: Public Service and Administration'), candidates);
    expect(best.same?.candidate.key).toBe('dlamini-t-m');
    expect(best.same?.score).toBe(1);
    expect(best.possible).toEqual([]);
  });

  it('otherwise returns the POSSIBLE candidates, strongest first', () => {
    const best = bestPersonMatch(entry('Prof Dlamini'), candidates);
    expect(best.same).toBeUndefined();
    expect(best.possible.map((match) => [match.candidate.key, match.score, match.decision])).toEqual([
      ['dlamini-t-m', 0.45, 'POSSIBLE'],
      ['dlamini-s', 0.35, 'POSSIBLE'],
    ]);
  });

  it('returns nothing for a stranger', () => {
    expect(bestPersonMatch(entry('Ms V Petersen'), candidates)).toEqual({ possible: [] });
    expect(bestPersonMatch(entry('Ms V Petersen'), [])).toEqual({ possible: [] });
  });

  it('does not choose between two candidates that are equally SAME', () => {
    const duplicate = { ...dlamini, key: 'dlamini-t-m-2' };
    const best = bestPersonMatch(entry('Prof T M Dlamini, Director-General, DPSA'), [dlamini, duplicate]);
    expect(best.same).toBeUndefined();
    expect(best.possible.map((match) => [match.candidate.key, match.score, match.decision])).toEqual([
      ['dlamini-t-m', 1, 'POSSIBLE'],
      ['dlamini-t-m-2', 1, 'POSSIBLE'],
    ]);
    expect(best.possible[0]!.reasons.at(-1)).toBe('ambiguous: 2 candidates match equally well');
  });

  it('prefers the stronger of two SAME candidates', () => {
    const sameNameOnly = { key: 'dlamini-t-m-bare', honorific: 'Prof', initials: 'T M', surname: 'Dlamini', positions: [] };
    const best = bestPersonMatch(entry('Prof T M Dlamini, Director-General, DPSA'), [sameNameOnly, dlamini]);
    expect(best.same?.candidate.key).toBe('dlamini-t-m');
  });
});

describe('the seed corpus, end to end', () => {
  type SeedPerson = {
    key: string;
    honorific?: string;
    initials?: string;
    givenNames?: string;
    surname: string;
    aliases?: string[];
    positions?: Array<{ title: string; organisation?: string }>;
    cite: Array<{ excerpt: string }>;
  };
  const people = (parse(readFileSync('data/corpus/people.yaml', 'utf8')) as { people: SeedPerson[] }).people;
  const organisations = (parse(readFileSync('data/corpus/organisations.yaml', 'utf8')) as { organisations: KnownOrganisation[] }).organisations.map(
    (organisation) => ({ ...organisation, aliases: organisation.aliases ?? [] }),
  );
  const resolveSeed = createOrganisationResolver(organisations);
  const existing = people.map((person) => ({
    ...person,
    positions: (person.positions ?? []).map((position) => ({
      title: position.title,
      ...(position.organisation ? { organisationKey: position.organisation } : {}),
    })),
  }));

  it('every programme line that names a person with initials finds that person, and only that person, as SAME', () => {
    const lines = people
      .filter((person) => person.initials)
      .flatMap((person) => person.cite.map((cite) => ({ key: person.key, line: cite.excerpt })));
    // At least the 2007 programme's lines (the corpus grows); Ms C Clark's two, with and without her position, among them.
    expect(lines.length).toBeGreaterThanOrEqual(18);
    expect(lines.filter((entry) => entry.key === 'clark-c').map((entry) => entry.line)).toEqual([
      'Chairperson: Ms C Clark: Deputy Director-General, Department of Public Service and Administration (DPSA)',
      '• Ms C Clark',
    ]);
    for (const { key, line } of lines) {
      const incoming = parseProgrammeEntry(line, resolveSeed).person;
      const best = bestPersonMatch(incoming, existing);
      expect({ line, same: best.same?.candidate.key }).toEqual({ line, same: key });
      const others = existing.filter((person) => person.key !== key).map((person) => scorePersonMatch(incoming, person).decision);
      expect({ line, others: others.filter((decision) => decision === 'SAME') }).toEqual({ line, others: [] });
    }
  });

  it('a name without initials ("Adv Misser") is only ever POSSIBLE without a position to confirm it', () => {
    const bare = people.filter((person) => !person.initials);
    expect(bare.map((person) => person.key)).toEqual(['misser', 'manyi', 'hefele']);
    for (const person of bare) {
      const best = bestPersonMatch(parseProgrammeEntry(person.cite[0]!.excerpt, resolveSeed).person, existing);
      expect(best.same).toBeUndefined();
      expect(best.possible.map((match) => [match.candidate.key, match.score, match.decision])).toEqual([[person.key, 0.45, 'POSSIBLE']]);
    }
  });

  it('every position line resolves its organisation to the one the corpus gives', () => {
    for (const person of people) {
      for (const position of person.positions ?? []) {
        const line = person.cite.map((cite) => cite.excerpt).find((excerpt) => excerpt.includes(position.title));
        if (!line || !position.organisation) continue;
        expect({ line, organisation: parseProgrammeEntry(line, resolveSeed).organisation?.key }).toEqual({ line, organisation: position.organisation });
      }
    }
  });

  it('decisions are symmetric across every pair of seed people', () => {
    for (const a of existing) {
      for (const b of existing) {
        const forward = scorePersonMatch(a, b);
        const backward = scorePersonMatch(b, a);
        expect({ pair: [a.key, b.key], decision: forward.decision, score: forward.score }).toEqual({
          pair: [a.key, b.key],
          decision: backward.decision,
          score: backward.score,
        });
        if (a.key !== b.key) expect({ pair: [a.key, b.key], decision: forward.decision }).not.toEqual({ pair: [a.key, b.key], decision: 'SAME' });
      }
    }
  });
});
