/**
 * Names of public-service organisations and their parts. Lists run out at
 * large scales; the organisation generator then composes further names from
 * them and from invented place names. Names of organisations in the curated
 * seed corpus are left out, so a synthetic organisation is never mistaken
 * for a curated one.
 */

export const NATIONAL_PORTFOLIOS = [
  'Health', 'Basic Education', 'Higher Education and Training', 'Social Development', 'Home Affairs',
  'Justice and Constitutional Development', 'Correctional Services', 'Defence', 'Water and Sanitation',
  'Human Settlements', 'Cooperative Governance', 'Traditional Affairs', 'Agriculture, Land Reform and Rural Development',
  'Forestry, Fisheries and the Environment', 'Mineral Resources and Energy', 'Trade, Industry and Competition',
  'Small Business Development', 'Tourism', 'Transport', 'Public Works and Infrastructure', 'Employment and Labour',
  'Science and Innovation', 'Communications and Digital Technologies', 'International Relations and Cooperation',
  'Women, Youth and Persons with Disabilities', 'Planning, Monitoring and Evaluation', 'Sports, Arts and Culture',
  'Public Enterprises', 'Economic Development', 'Military Veterans', 'Electricity', 'Land Affairs',
  'Water Affairs and Forestry', 'Provincial and Local Government', 'Minerals and Energy', 'Environmental Affairs',
  'Rural Development and Land Reform', 'Police', 'Energy', 'Labour',
] as const;

/** Single subjects, paired ("Department of Housing and Statistics") once the portfolios run out. */
export const PORTFOLIO_WORDS = [
  'Housing', 'Statistics', 'Fisheries', 'Forestry', 'Heritage', 'Youth', 'Ports', 'Aviation', 'Rail', 'Roads',
  'Broadcasting', 'Research', 'Veterans', 'Cooperatives', 'Land', 'Oceans', 'Climate', 'Skills', 'Trade', 'Mining',
] as const;

export const NATIONAL_BRANCHES = [
  'Corporate Services', 'Policy, Research and Analysis', 'Human Resource Management and Development',
  'Governance and Accountability', 'Service Delivery Support', 'Monitoring and Evaluation', 'Finance and Supply Chain',
  'Legal and Compliance', 'Communication and Stakeholder Relations', 'Strategy and Planning', 'Programme Implementation',
  'Infrastructure and Operations', 'Intergovernmental Coordination', 'Integrity and Ethics Management',
] as const;

export const CHIEF_DIRECTORATES = [
  'Risk Management', 'Internal Audit', 'Labour Relations', 'Learning and Development', 'Employee Health and Wellness',
  'Information Technology', 'Supply Chain Management', 'Performance Management and Development', 'Gender, Youth and Disability',
  'Intergovernmental Relations', 'Anti-Corruption and Integrity', 'Communication Services', 'Policy Development',
  'Research and Knowledge Management', 'Legal Services', 'Financial Accounting', 'Strategic Planning',
  'Service Delivery Improvement', 'Human Resource Development', 'Organisational Development', 'Special Programmes',
  'Security Management', 'Executive Support', 'Leadership Development',
] as const;

/** Real provinces, less the Free State: the seed corpus has the Free State Provincial Government. */
export const PROVINCES = [
  'Gauteng', 'KwaZulu-Natal', 'Eastern Cape', 'Western Cape', 'Limpopo', 'Mpumalanga', 'North West', 'Northern Cape',
] as const;

export const PROVINCIAL_PORTFOLIOS = [
  'Health', 'Education', 'Social Development', 'Human Settlements', 'Roads and Transport',
  'Agriculture and Rural Development', 'Economic Development and Tourism', 'Cooperative Governance and Traditional Affairs',
  'Community Safety', 'Sport, Arts and Culture', 'Public Works', 'Environmental Affairs', 'Provincial Treasury',
  'Office of the Premier',
] as const;

export const PROVINCIAL_UNITS = [
  'Risk Management', 'Human Resource Development', 'Internal Control', 'Communications', 'Service Delivery Improvement',
  'Strategic Planning', 'Transversal Services', 'Special Programmes',
] as const;

export const MUNICIPAL_DEPARTMENTS = [
  'Office of the Municipal Manager', 'Corporate Services', 'Community Services', 'Technical Services',
  'Budget and Treasury Office', 'Planning and Economic Development', 'Office of the Speaker', "Executive Mayor's Office",
  'Strategic Executive Management Services', 'Infrastructure Services', 'Public Safety', 'Human Settlements',
] as const;

export const MUNICIPAL_SECTIONS = [
  'Risk Management', 'Internal Audit', 'Communications', 'Special Focus', 'Intergovernmental Relations',
  'Public Participation', 'Integrated Development Planning', 'Council Support', 'Performance Management',
  'Youth Development', 'Legal Services', 'Fleet Management', 'Supply Chain Management', 'Customer Care',
] as const;

/** South African universities, less the University of Pretoria (in the seed corpus). */
export const UNIVERSITIES = [
  'University of Cape Town', 'University of the Witwatersrand', 'Stellenbosch University', 'University of Johannesburg',
  'University of KwaZulu-Natal', 'University of South Africa', 'Rhodes University', 'North-West University',
  'University of the Free State', 'University of the Western Cape', 'Nelson Mandela University', 'University of Fort Hare',
  'University of Limpopo', 'University of Venda', 'University of Zululand', 'Walter Sisulu University',
  'Tshwane University of Technology', 'Cape Peninsula University of Technology', 'Durban University of Technology',
  'Central University of Technology', 'Vaal University of Technology', 'Mangosuthu University of Technology',
  'Sefako Makgatho Health Sciences University', 'Sol Plaatje University', 'University of Mpumalanga',
] as const;

export const UNIVERSITY_SCHOOLS = [
  'School of Public Management and Administration', 'School of Governance', 'Graduate School of Business Leadership',
  'School of Public Leadership', 'Faculty of Economic and Management Sciences', 'Centre for Leadership Studies',
  'Department of Public Administration',
] as const;

export const PUBLIC_ENTITIES = [
  'National School of Government', 'South African Social Security Agency', 'National Youth Development Agency',
  'Development Bank of Southern Africa', 'Municipal Infrastructure Support Agent', 'Independent Development Trust',
  'Public Sector Education and Training Authority', 'Local Government Sector Education and Training Authority',
  'State Information Technology Agency', 'Government Technical Advisory Centre', 'National Research Foundation',
  'Council for Scientific and Industrial Research', 'Human Sciences Research Council', 'Water Research Commission',
  'South African National Roads Agency', 'Financial Intelligence Centre', 'Special Investigating Unit',
  'Construction Industry Development Board', 'South African Revenue Service', 'Statistics South Africa',
] as const;

/** Constitutional and oversight bodies, less the Public Service Commission (in the seed corpus). */
export const CONSTITUTIONAL_BODIES = [
  'Public Protector South Africa', 'Auditor-General of South Africa', 'South African Human Rights Commission',
  'Commission for Gender Equality', 'Electoral Commission of South Africa', 'Financial and Fiscal Commission',
  'Independent Communications Authority of South Africa', 'Pan South African Language Board',
] as const;

export const FORUMS = [
  'South African Local Government Association', 'Institute of Risk Management South Africa',
  'South African Monitoring and Evaluation Association', 'Heads of Department Forum', "Municipal Managers' Forum",
  'Public Sector Women in Leadership Network', 'Senior Management Service Learning Network',
  "Government Communicators' Forum", 'Public Sector Internal Audit Forum', 'Batho Pele Learning Network',
] as const;

/** Subjects of invented forums ("Limpopo Risk Management Forum") once the list runs out. */
export const FORUM_SUBJECTS = [
  'Risk Management', 'Internal Audit', 'Women in Leadership', 'Monitoring and Evaluation', 'Heads of Department',
  'Municipal Managers', 'Public Participation', 'Capacity Building', 'Coaching and Mentoring', 'Ethics',
] as const;

export const BUSINESS_FORMS = ['{surname} and Associates', '{surname} {other} Consulting', '{place} Leadership Institute', '{surname} Advisory Services'] as const;
