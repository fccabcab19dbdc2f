/**
 * Sentence frames for conference programmes, modelled on the wording of real
 * South African public-service event pages. In a frame, {a}, {b} and {c}
 * stand for theme phrases (lower case), {A}, {B} for theme phrases starting
 * with a capital (where a title or clause starts), {sphere} for a sphere of
 * government, {challenge} for a context of the day and {years} for the
 * years since 1994.
 */

export const CONFERENCE_THEMES = [
  '{A} and {b} in the 21st Century: Best practice and implication for {c}',
  'Towards a capable developmental state: {a}, {b} and {c}',
  '{A}: Accelerating {b} for a better life for all',
  'Leading through {a}: {B} and {c} in practice',
  '{A} and {b}: Reflecting on {years} years of democracy',
  'Re-imagining the Public Service: {a} and {b}',
  'From policy to practice: {a} as a lever for {b}',
] as const;

export const SUB_THEMES = [
  'Strategies to strengthen {a} to enhance {b} in the Public Service',
  'Creation of a culture of {a} - Management implications',
  '{A}: from policy to practice',
  'Building a capable state through {a} and {b}',
  '{A} as a lever for {b}',
  'Lessons in {a} from the three spheres of government',
] as const;

export const ROUND_TABLE_TITLES = [
  'Responding to {a} in the Public Service in consideration of {challenge}',
  '{A} in the Public Service: Implications for Public Service Managers',
  'The state of {a} in {sphere}',
  'What works in {a}? Perspectives from {sphere}',
] as const;

export const PLENARY_TITLES = [
  '{A}: Lessons from {sphere}',
  'Towards effective {a}',
  '{A} and {challenge}',
  'Case study: {a} in practice',
] as const;

export const KEYNOTE_TITLES = [
  'Keynote address: {A} in a capable and developmental state',
  'Keynote address: The role of senior managers in {a}',
  'Keynote address: {A} and the future of the Public Service',
] as const;

export const SPHERES = ['national government', 'provincial government', 'local government', 'the three spheres of government'] as const;

/** Contexts a title may invoke, with the years in which a programme would. */
export const CHALLENGES: ReadonlyArray<{ text: string; from: number; to: number }> = [
  { text: 'the Global challenges', from: 1995, to: 2030 },
  { text: 'fiscal constraints', from: 1995, to: 2030 },
  { text: 'the Millennium Development Goals', from: 2001, to: 2015 },
  { text: 'the Medium Term Strategic Framework', from: 2004, to: 2030 },
  { text: 'the National Development Plan', from: 2012, to: 2030 },
  { text: 'the Sustainable Development Goals', from: 2016, to: 2030 },
  { text: 'the Fourth Industrial Revolution', from: 2017, to: 2030 },
  { text: 'the COVID-19 pandemic', from: 2020, to: 2023 },
  { text: 'the district development model', from: 2019, to: 2030 },
];

export const GALA_DESCRIPTIONS = [
  'Launch of the Draft Strategic Framework on {a} for Senior Managers in the Public Service',
  'Presentation of the Awards for Excellence in {a}',
  'Dinner address on {a} by the political principal',
] as const;

export const OTHER_SESSIONS: ReadonlyArray<{ title: string; description?: string }> = [
  { title: 'Networking session', description: 'Delegates meet with their peers and share experiences.' },
  { title: 'Exhibition of innovative projects', description: 'Departments and municipalities show projects that improved service delivery.' },
  { title: 'Site visit', description: 'Delegates visit a service centre of the host organisation.' },
  { title: 'Registration and tea' },
];

export const OBJECTIVES: ReadonlyArray<{ group: string; text: string }> = [
  { group: 'Networking', text: 'Allows {audience} to meet with their peers and to share experiences in order to adopt best practices.' },
  { group: 'Networking', text: 'Creates an opportunity for {audience} to meet international and continental speakers on {a}.' },
  { group: 'Motivational sessions', text: 'Creates an opportunity for {audience} to meet with the political leadership and to hear its priorities.' },
  { group: 'Professionalism', text: 'Develops a culture of professional and ethical behaviour.' },
  { group: 'Professionalism', text: 'Promotes service delivery, efficiency and effectiveness in the Public Service.' },
  { group: 'Learning', text: 'Creates learning sessions on {a} and {b}.' },
  { group: 'Policy review', text: 'Reviews the implementation of {a} since {since}.' },
  { group: 'Policy review', text: 'Evaluates progress with {a} in order to identify gaps and possible interventions.' },
];

export const BACKGROUNDS = [
  'The {series} is an annual event and has run since {first}. A total of ±{attendance} {audience} are yearly given the opportunity to attend. The conferences are devoted to presentations on key issues and challenges which are relevant to {organiser}. Speakers drawn from local and international public and private sectors are given the opportunity to share best practices and experiences with the delegates.',
  'Since {first} the {series} has brought together {audience} to take stock of {a} and {b}. About {attendance} delegates are expected. The event is also an opportunity for members of the executive to address delegates.',
  'The {series}, hosted by {organiser} since {first}, is a platform for {audience} to reflect on {a}. Previous editions focused on {b}; this edition turns to {c}.',
] as const;

export const FOCI = [
  'The {year} conference will focus on {a} and {b}. Aspects such as {c}, {d} and {e} will be discussed.',
  'This edition focuses on {a}, with sessions on {b} and {c}.',
] as const;

/** Audiences by the sector that organises the series; {organiser} is its name. */
export const AUDIENCES = {
  national: 'senior managers in the Public Service',
  provincial: 'heads of department and senior managers of the {organiser}',
  local: 'municipal managers, councillors and senior managers in local government',
  academic: 'academics, practitioners and students of public administration',
  other: 'leaders and practitioners in the public sector',
} as const;

export const BOOKINGS = [
  'Information about bookings will be made available soon',
  'Registration closes on {closing}.',
  'Delegates book through the conference secretariat; there is no registration fee for {audience}.',
] as const;

/** Fills a frame's placeholders; every placeholder used must be given. */
export function fill(frame: string, values: Record<string, string | number>): string {
  return frame.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for {${name}} in "${frame}"`);
    return String(values[name]);
  });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
