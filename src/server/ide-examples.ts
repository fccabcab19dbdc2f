/** The queries the IDE opens with: the questions researchers come with. */
export const ideExamples = [
  {
    title: 'Who presented on organisational performance management, and in which years?',
    query: `query WhoPresentedOnATopic($topic: String!) {
  sessions(filter: { topicSlug: $topic }) {
    nodes {
      title
      conference { year title }
      participants { role person { displayName } position { title organisation { name } } }
    }
  }
}`,
    variables: JSON.stringify({ topic: 'organisational-performance-management' }, null, 2),
  },
  {
    title: "A person's roles across conferences",
    query: `query RolesOfAPerson($name: String!) {
  people(filter: { name: $name }) {
    nodes {
      displayName
      positions { title acting organisation { name acronym } asOf }
      participations {
        nodes { role session { title conference { year } } day { number } }
      }
    }
  }
}`,
    variables: JSON.stringify({ name: 'Levin' }, null, 2),
  },
  {
    title: 'Topics over the years',
    query: `query TopicsOverTheYears {
  topicTimeline(topicSlugs: ["leadership-development", "professionalism-and-ethics"], seriesSlug: "sms") {
    year topic { name } sessionCount conferenceCount
  }
}`,
  },
  {
    title: 'Search everything',
    query: `query Search($text: String!) {
  search(query: $text, first: 10) {
    totalCount
    nodes {
      score
      highlight
      node {
        __typename
        ... on Session { title }
        ... on Conference { title }
        ... on Person { displayName }
        ... on Organisation { name }
        ... on Source { title }
      }
    }
  }
}`,
    variables: JSON.stringify({ text: '"single public service"' }, null, 2),
  },
];
