/**
 * What synthetic sessions are about. Most themes carry a phrase of the
 * curated taxonomy (data/corpus/topics.yaml) in their title, phrase or key
 * issues, so assignTopicsAutomatically finds topics in the generated text;
 * the rest (supply chain, infrastructure, ...) are real public-service
 * subjects the taxonomy does not cover, so that not every session has a topic.
 */
export type Theme = {
  /** As a commission or plenary would be titled. */
  title: string;
  /** Lower case, for use inside a sentence. */
  phrase: string;
  /** Key issues a commission on the theme would list. */
  issues: readonly string[];
};

export const THEMES: readonly Theme[] = [
  {
    title: 'Leadership Development in the Public Service',
    phrase: 'leadership development',
    issues: [
      'Implementing the Leadership Development Management Framework',
      'Building a leadership pipeline for senior managers',
      'Developing leaders for a capable and ethical state',
      'Leadership challenges in a changing Public Service',
    ],
  },
  {
    title: 'Organisational Performance Management',
    phrase: 'organisational performance management',
    issues: [
      'What OPM is and what it is not',
      'Linking organisational performance with service delivery impact',
      'Elements of OPM and best case studies locally and around the world',
    ],
  },
  {
    title: 'Performance Management Systems',
    phrase: 'performance management',
    issues: [
      'Performance agreements for senior managers',
      'Moderating performance assessments fairly',
      'Linking the performance management system to rewards and consequences',
    ],
  },
  {
    title: 'Coaching and Mentoring for Senior Managers',
    phrase: 'coaching and mentoring',
    issues: [
      'Establishing a mentorship programme in a department',
      'Executive coaching: what senior managers gain',
      'Matching mentors and mentees across the spheres of government',
    ],
  },
  {
    title: 'Women in Leadership',
    phrase: 'women in leadership',
    issues: [
      'Leadership pipeline for women',
      'Support structures for women in senior management',
      'Empowerment of women and gender equality in the workplace',
    ],
  },
  {
    title: 'The Single Public Service',
    phrase: 'the single public service',
    issues: [
      'Implications of the Single Public Service for managers',
      'Mobility of senior managers between the spheres',
      'Harmonising conditions of service across national, provincial and local government',
    ],
  },
  {
    title: 'Professionalism and Ethics in the Public Service',
    phrase: 'professionalism and ethics',
    issues: [
      'Developing a culture of professional and ethical behaviour',
      'Managing conflicts of interest',
      'Financial disclosure by senior managers',
    ],
  },
  {
    title: 'Learning and Development',
    phrase: 'learning and development',
    issues: [
      'Creating a culture of continuous learning',
      'Training and development for senior managers',
      'Cross and public sector learning',
    ],
  },
  {
    title: 'Capacity Building in Local Government',
    phrase: 'capacity building',
    issues: [
      'Skills development for municipal officials',
      'Institutional development and organisational design',
      'Capacity development partnerships with universities',
    ],
  },
  {
    title: 'Improving Service Delivery',
    phrase: 'service delivery',
    issues: [
      'Batho Pele: putting people first',
      'Service delivery improvement plans that work',
      'Measuring service delivery impact in communities',
    ],
  },
  {
    title: 'Enterprise Risk Management',
    phrase: 'risk management',
    issues: [
      'Embedding risk management in strategic planning',
      'Identifying and managing potential risk in projects',
      'The role of the risk management committee',
    ],
  },
  {
    title: 'Internal Audit and Internal Control',
    phrase: 'internal audit',
    issues: [
      'Independent objective assurance for accounting officers',
      'Strengthening internal control systems',
      'Responding to the findings of the Auditor-General',
    ],
  },
  {
    title: 'Intergovernmental Relations',
    phrase: 'intergovernmental relations',
    issues: [
      'Making IGR structures work',
      'Coordinating the three spheres of government',
      'The district development model and joint planning',
    ],
  },
  {
    title: 'Public Participation and Community Engagement',
    phrase: 'public participation',
    issues: [
      'Ward committees and community participation',
      'Designing public participation programmes',
      'Participation, interaction and partnership with civil society',
    ],
  },
  {
    title: 'Government Communication',
    phrase: 'government communication',
    issues: [
      'Communication management in a crisis',
      'Using social media for government communications',
      'Communication support services for political principals',
    ],
  },
  {
    title: 'Assessment and Development Centres',
    phrase: 'assessment and development centres',
    issues: [
      'Competency assessment for senior management appointments',
      'Using development centres to plan careers',
      'The validity of assessment centres',
    ],
  },
  {
    title: 'Governance and Accountability',
    phrase: 'governance and accountability',
    issues: [
      'Accountable and transparent governance',
      'Strengthening governance structures and governance processes',
      'Proactive oversight by audit committees',
    ],
  },
  {
    title: 'Monitoring and Evaluation',
    phrase: 'monitoring and evaluation',
    issues: [
      'Performance monitoring and evaluation frameworks',
      'Using evaluation evidence in budgeting',
      'Building M&E capacity in departments',
    ],
  },
  {
    title: 'Fighting Fraud and Corruption',
    phrase: 'fraud and corruption',
    issues: [
      'Anti-corruption strategies that work',
      'Protecting whistle-blowers',
      'Lifestyle audits for senior managers',
    ],
  },
  {
    title: 'Networking and Peer Learning',
    phrase: 'peer learning',
    issues: [
      'Sharing experiences across provinces',
      'Learning networks for senior managers',
      'Adopting best practices from peers',
    ],
  },
  {
    title: 'Special Focus Groups',
    phrase: 'special focus groups',
    issues: [
      'Mainstreaming disability in the workplace',
      'Youth employment in the Public Service',
      'Services to vulnerable groups',
    ],
  },
  {
    title: 'Council Support',
    phrase: 'council support',
    issues: [
      'Support to council structures',
      'The Office of the Speaker and council oversight',
      'The Office of the Chief Whip',
    ],
  },
  {
    title: 'Mayoral Support Services',
    phrase: 'mayoral support',
    issues: [
      "The executive mayor's office and the administration",
      'Coordinating mayoral imbizos',
      'Mayoral support services in district municipalities',
    ],
  },
  {
    title: 'Digital Transformation of Government Services',
    phrase: 'digital transformation',
    issues: ['Online services for citizens', 'Data governance and privacy', 'Modernising legacy systems'],
  },
  {
    title: 'Financial Management and Clean Audits',
    phrase: 'financial management',
    issues: ['Towards clean audit outcomes', 'Managing irregular and wasteful expenditure', 'Budgeting for results'],
  },
  {
    title: 'Supply Chain Management',
    phrase: 'supply chain management',
    issues: ['Preferential procurement', 'Contract management', 'Demand management and procurement planning'],
  },
  {
    title: 'Human Resource Management',
    phrase: 'human resource management',
    issues: ['Recruitment and retention of scarce skills', 'Managing labour relations', 'Employee health and wellness'],
  },
  {
    title: 'Change Management',
    phrase: 'change management',
    issues: ['Leading organisational change', 'Restructuring without losing morale', 'Managing resistance to change'],
  },
  {
    title: 'Infrastructure Delivery',
    phrase: 'infrastructure delivery',
    issues: ['Project management for infrastructure', 'Maintenance of municipal infrastructure', 'Partnerships with the private sector'],
  },
  {
    title: 'Local Economic Development',
    phrase: 'local economic development',
    issues: ['Supporting small businesses and cooperatives', 'Tourism as a driver of growth', 'Township economies'],
  },
  {
    title: 'Integrated Development Planning',
    phrase: 'integrated development planning',
    issues: ['Aligning the IDP with the budget', 'Spatial planning and land use', 'Reviewing the IDP with communities'],
  },
  {
    title: 'Disaster Management and Climate Change',
    phrase: 'disaster management',
    issues: ['Preparing for floods and droughts', 'Climate change adaptation plans', 'Coordinating disaster relief'],
  },
  {
    title: 'Innovation in the Public Sector',
    phrase: 'public sector innovation',
    issues: ['Replicating innovative solutions', 'Creating space for experimentation', 'Awards for innovative projects'],
  },
  {
    title: 'Strategic Planning',
    phrase: 'strategic planning',
    issues: ['Annual performance plans', 'Aligning plans with the budget', 'Outcome-based planning'],
  },
  {
    title: 'Knowledge Management',
    phrase: 'knowledge management',
    issues: ['Keeping institutional memory', 'Communities of practice', 'Managing records and information'],
  },
];
