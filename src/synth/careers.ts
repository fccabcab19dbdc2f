/**
 * The positions a career climbs through, by where it starts. A rung names a
 * title and how far up the hierarchy its organisation is from the person's
 * home organisation: a Chief Director heads a chief directorate (0), a
 * Deputy Director-General the branch above it (1), the Director-General the
 * department (2). Senior rungs are the people programmes ask to chair days,
 * open conferences and give keynotes.
 */
export type Rung = {
  title: string;
  up: 0 | 1 | 2;
  senior: boolean;
  /** Relative weight of starting a career here; by default the lower rungs weigh most. */
  entry?: number;
  /** How likely a career below climbs onto this rung: there is one Director-General for many Chief Directors. */
  reach?: number;
};

const rung = (title: string, up: 0 | 1 | 2 = 0, senior = false, rarity: { entry?: number; reach?: number } = {}): Rung => ({
  title,
  up,
  senior,
  ...rarity,
});

export const LADDERS = {
  nationalUnit: [
    rung('Deputy Director'),
    rung('Director'),
    rung('Chief Director'),
    rung('Deputy Director-General', 1, true),
    rung('Director-General', 2, true, { entry: 0.2, reach: 0.15 }),
  ],
  provincialUnit: [
    rung('Deputy Director'),
    rung('Director'),
    rung('Chief Director', 1),
    rung('Head of Department', 1, true, { reach: 0.5 }),
    rung('Director-General', 2, true, { entry: 0.1, reach: 0.1 }),
  ],
  municipalSection: [
    rung('Manager'),
    rung('Senior Manager'),
    rung('Director', 1),
    rung('Executive Director', 1, true),
    rung('Municipal Manager', 2, true),
  ],
  academicSchool: [
    rung('Lecturer'),
    rung('Senior Lecturer'),
    rung('Associate Professor'),
    rung('Professor', 0, true),
    rung('Dean', 0, true),
    rung('Deputy Vice-Chancellor', 1, true, { entry: 0.2, reach: 0.3 }),
  ],
  publicEntity: [rung('Senior Manager'), rung('Executive Manager'), rung('Chief Operations Officer', 0, true), rung('Chief Executive Officer', 0, true, { reach: 0.5 })],
  constitutionalBody: [rung('Director'), rung('Chief Director'), rung('Deputy Commissioner', 0, true), rung('Commissioner', 0, true)],
  forum: [rung('Secretary'), rung('Deputy Chairperson'), rung('Chairperson', 0, true)],
  business: [rung('Senior Consultant'), rung('Director'), rung('Managing Director', 0, true)],
  // Political office bearers: they open conferences and give keynote addresses.
  nationalPolitical: [rung('Deputy Minister', 0, true), rung('Minister', 0, true)],
  provincialPolitical: [rung('Member of the Executive Council', 0, true), rung('Premier', 1, true, { entry: 0.5, reach: 0.1 })],
  localPolitical: [rung('Member of the Mayoral Committee', 0, true), rung('Executive Mayor', 0, true, { entry: 1, reach: 0.4 })],
} as const satisfies Record<string, readonly Rung[]>;

export type LadderName = keyof typeof LADDERS;

/** Titles that make a person "Prof" rather than Mr or Ms. */
export const PROFESSORIAL_TITLES = new Set(['Associate Professor', 'Professor', 'Dean', 'Deputy Vice-Chancellor']);
