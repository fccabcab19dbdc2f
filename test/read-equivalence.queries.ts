/**
 * The queries whose answers the read floor must give byte for byte as the
 * resolver-per-field read path did: the benchmark's shapes with parameters
 * from the seed corpus, and queries that together select every field and
 * argument of every type the API reads, through fragments, aliases, nested
 * connections and both paging directions.
 */
export type EquivalenceQuery = { name: string; query: string; variables?: Record<string, unknown> };

const PARTICIPANT = `fragment P on Participation { role person { displayName } position { title organisation { name acronym } } }`;

const CITATIONS = `citations { excerpt source { key title } }`;

/** The benchmark's shapes (bench/shapes.ts), aimed at the seed corpus. */
export const benchShapes: EquivalenceQuery[] = [
  {
    name: 'shape 1: a conference programme',
    query: `query Programme($series: String!, $year: Int!) {
      conference(seriesSlug: $series, year: $year) {
        title year startDate endDate
        days {
          number subTheme
          chair { ...P }
          sessions {
            kind title number description
            participants { ...P }
            children { kind title number participants { ...P } }
          }
        }
      }
    } ${PARTICIPANT}`,
    variables: { series: 'sms', year: 2007 },
  },
  {
    name: 'shape 2: sessions by topic and years',
    query: `query Sessions($topic: String!, $from: Int!, $to: Int!, $first: Int!) {
      sessions(first: $first, filter: { topicSlug: $topic, fromYear: $from, toYear: $to }) {
        nodes { title kind conference { year title } participants { ...P } }
      }
    } ${PARTICIPANT}`,
    variables: { topic: 'leadership-development', from: 2001, to: 2007, first: 100 },
  },
  {
    name: 'shape 3: a person profile',
    query: `query Profile($id: ID!) {
      node(id: $id) {
        ... on Person {
          displayName surname
          positions { title asOf acting organisation { name acronym } }
          participations(first: 100) {
            nodes {
              role
              position { title organisation { name acronym } }
              session { title kind conference { year title } }
              day { number conference { year title } }
            }
          }
        }
      }
    }`,
    variables: { id: Buffer.from('Person:1').toString('base64') },
  },
  {
    name: 'shape 4: search',
    query: `query Search($q: String!) {
      search(query: $q, first: 20) {
        totalCount
        nodes {
          score highlight
          node {
            __typename
            ... on Conference { title }
            ... on Session { title }
            ... on Person { displayName }
            ... on Organisation { name }
            ... on Source { title }
          }
        }
      }
    }`,
    variables: { q: 'leadership' },
  },
  {
    name: 'shape 5: topic timeline',
    query: `query Timeline($topics: [String!]!, $series: String!, $from: Int!, $to: Int!) {
      topicTimeline(topicSlugs: $topics, seriesSlug: $series, fromYear: $from, toYear: $to) {
        year sessionCount conferenceCount topic { slug name }
      }
    }`,
    variables: { topics: ['leadership-development', 'organisational-performance-management'], series: 'sms', from: 2001, to: 2007 },
  },
];

/** Every field of every type the API reads, and the arguments that shape them. */
export const wholeSurface: EquivalenceQuery[] = [
  {
    name: 'a conference with every field',
    query: `{
      conference(seriesSlug: "sms", year: 2007) {
        __typename id version year title theme startDate endDate audience expectedAttendance documentation focus background bookings
        venue { name city }
        series { id slug name organiser { id name } conferences(first: 3) { totalCount nodes { year } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }
        objectives { group text }
        contacts { name phone email organisation { acronym } }
        days { id version number date subTheme ${CITATIONS} conference { year } chair { id role } sessions { ref } }
        everything: sessions { totalCount edges { cursor node { ref } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
        page: sessions(first: 2, after: "YXJyYXljb25uZWN0aW9uOjE=") { totalCount nodes { ref title } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
        presented: sessions(filter: { role: PRESENTER }) { totalCount nodes { title } }
        commissions: sessions(filter: { kind: COMMISSION, topicSlug: "leadership-development" }) { nodes { title number } }
        topics { slug name }
        topicAssignments { origin evidence topic { slug } }
        priorConferences { id year documentation title }
        annexes { id label description available source { key } conferences { year } ${CITATIONS} }
        sources { key title kind }
        ${CITATIONS}
      }
    }`,
  },
  {
    name: "a conference's days with everyone who took part in the day as a whole, and by role",
    query: `{
      conference(seriesSlug: "sms", year: 2007) {
        days {
          number
          participants { __typename id version role person { displayName } position { title organisation { acronym } } day { number } session { ref } ${CITATIONS} }
          chairs: participants(role: CHAIRPERSON) { person { surname } }
          panellists: participants(role: PANELLIST) { id }
        }
      }
    }`,
  },
  {
    name: 'sessions with every field, and their filters',
    query: `query Sessions($person: ID!, $organisation: ID!) {
      all: sessions(first: 100) {
        totalCount
        nodes {
          __typename id version ref kind title number description keyIssues
          conference { year } day { number } parent { ref } children { ref }
          topics { slug } topicAssignments { origin evidence topic { name } }
          participants { id role person { displayName } }
          presenters: participants(role: PRESENTER) { person { surname } }
          ${CITATIONS}
        }
      }
      byPerson: sessions(filter: { personId: $person }) { totalCount nodes { title } }
      byOrganisation: sessions(filter: { organisationId: $organisation, fromYear: 2007, toYear: 2007 }) { totalCount nodes { title } }
      roundTables: sessions(filter: { kind: ROUND_TABLE }) { nodes { title } }
      none: sessions(filter: { fromYear: 2008 }) { totalCount nodes { title } pageInfo { hasNextPage startCursor endCursor } }
      last: sessions(last: 2) { totalCount nodes { ref } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      before: sessions(last: 3, before: "YXJyYXljb25uZWN0aW9uOjU=") { nodes { ref } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`,
    variables: { person: Buffer.from('Person:1').toString('base64'), organisation: Buffer.from('Organisation:1').toString('base64') },
  },
  {
    name: 'people with every field, and their filters',
    query: `{
      people(first: 100) {
        totalCount
        edges {
          cursor
          node {
            __typename id version displayName honorific initials givenNames surname aliases
            positions { id version title asOf acting organisation { name } person { surname } ${CITATIONS} }
            participations { totalCount nodes { role session { title } day { number } } pageInfo { hasNextPage endCursor } }
            chaired: participations(role: CHAIRPERSON, first: 1) { totalCount nodes { day { number } } }
            topics { slug }
            possibleDuplicates { score reasons person { surname } }
            ${CITATIONS}
          }
        }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      levin: people(filter: { name: "prof levin" }) { nodes { displayName } }
      misspelt: people(filter: { name: "Fraser Molekti" }) { nodes { displayName } }
      dpsa: people(filter: { organisationId: "T3JnYW5pc2F0aW9uOjE=" }) { totalCount nodes { displayName } }
      opm: people(filter: { topicSlug: "organisational-performance-management" }) { nodes { displayName } }
      second: people(first: 3, after: "YXJyYXljb25uZWN0aW9uOjI=") { nodes { surname } pageInfo { hasNextPage hasPreviousPage } }
      tail: people(last: 2) { nodes { surname } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`,
  },
  {
    name: 'participations with every field, and the position filters',
    query: `query Participations($person: ID!, $organisation: ID!) {
      all: participations(first: 100) {
        totalCount
        nodes {
          __typename id version role person { displayName } session { ref } day { number } ${CITATIONS}
          position { id title rank acting organisation { acronym } }
        }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      directorsGeneral: participations(filter: { rank: DIRECTOR_GENERAL }) { totalCount edges { cursor node { person { surname } } } }
      narrowed: participations(filter: {
        organisationId: $organisation, positionTitle: "director", role: PRESENTER, topicSlug: "single-public-service", seriesSlug: "sms", fromYear: 2007, toYear: 2007
      }) { totalCount nodes { person { surname } } }
      byPerson: participations(filter: { personId: $person }) { totalCount nodes { role } }
      none: participations(filter: { toYear: 2006 }) { totalCount nodes { role } pageInfo { hasNextPage startCursor endCursor } }
      page: participations(first: 3, after: "YXJyYXljb25uZWN0aW9uOjI=") { nodes { person { surname } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      before: participations(last: 2, before: "YXJyYXljb25uZWN0aW9uOjEw") { totalCount nodes { person { surname } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      sessions(filter: { rank: DEPUTY_DIRECTOR_GENERAL, positionTitle: "general", organisationId: $organisation }) { totalCount nodes { title } }
      people(filter: { rank: COMMISSIONER, positionTitle: "commissioner" }) { totalCount nodes { displayName positions { rank } } }
      conference(seriesSlug: "sms", year: 2007) { sessions(filter: { rank: DIRECTOR_GENERAL, role: FACILITATOR }) { totalCount nodes { ref } } }
    }`,
    variables: { person: Buffer.from('Person:5').toString('base64'), organisation: Buffer.from('Organisation:1').toString('base64') },
  },
  {
    name: 'organisations with every field, and their filters',
    query: `{
      organisations(first: 100) {
        totalCount
        nodes {
          __typename id version name acronym aliases kind sphere objectives priorityAreas
          parent { name } children { name }
          people(first: 2) { totalCount nodes { surname } pageInfo { hasNextPage endCursor } }
          sessions(first: 2) { totalCount nodes { title } }
          topics { slug } topicAssignments { evidence topic { slug } }
          ${CITATIONS}
        }
      }
      named: organisations(filter: { name: "public" }) { nodes { name } }
      police: organisations(filter: { kind: POLICE_SERVICE }) { nodes { name } }
      local: organisations(filter: { sphere: LOCAL }) { nodes { name } }
      before: organisations(last: 2, before: "YXJyYXljb25uZWN0aW9uOjQ=") { nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`,
  },
  {
    name: 'topics with every field',
    query: `{
      topics(first: 100) {
        totalCount
        nodes {
          __typename id version slug name synonyms description
          sessions(first: 2) { totalCount nodes { title } pageInfo { hasNextPage endCursor } }
          conferences { year } people { surname } organisations { name }
          timeline(seriesSlug: "sms", fromYear: 2005, toYear: 2007) { year sessionCount conferenceCount topic { slug } }
          whole: timeline { year sessionCount }
        }
      }
      topic(slug: "coaching-and-mentoring") { name sessions { totalCount } }
      missing: topic(slug: "no-such-topic") { name }
    }`,
  },
  {
    name: 'sources, series, changes and search arguments',
    query: `{
      sources {
        totalCount
        nodes { __typename id version key title kind url issuedOn updatedOn checksum publisher { name } annexes { label conferences { year } } }
      }
      conferenceSeries { __typename id slug name organiser { acronym } conferences { totalCount nodes { year documentation } } }
      conferences(filter: { documentation: REFERENCED, fromYear: 2002, toYear: 2005 }) { totalCount nodes { year } }
      aboutOpm: conferences(filter: { topicSlug: "organisational-performance-management", seriesSlug: "sms" }) { nodes { year } }
      lastConferences: conferences(last: 2) { nodes { year } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      changes(first: 3) { totalCount nodes { action actor recordType recordId changedFields note } pageInfo { hasNextPage } }
      people: search(query: "clark", types: [PERSON]) { totalCount nodes { score highlight node { ... on Person { displayName } } } }
      phrase: search(query: "\\"performance management\\" -leadership", first: 3, after: "YXJyYXljb25uZWN0aW9uOjA=") {
        totalCount edges { cursor node { score node { __typename ... on Session { title } ... on Conference { year } } } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      timeline: topicTimeline(fromYear: 2006, toYear: 2007) { year sessionCount conferenceCount topic { slug } }
      compareConferences(leftId: "Q29uZmVyZW5jZToz", rightId: "Q29uZmVyZW5jZTox") {
        similarity left { year } right { year } sharedTopics { slug } onlyLeft { slug } onlyRight { slug }
      }
    }`,
  },
  {
    name: 'activity orders, activity counts and facets, paged both ways',
    query: `query Activity($window: ActivityWindow, $order: ActivityOrder) {
      ranked: organisations(orderBy: $order, activity: $window, first: 3, after: "YXJyYXljb25uZWN0aW9uOjA=") {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { acronym a: activity(window: $window) { participations sessions people editions __typename } } }
      }
      tail: organisations(orderBy: SESSIONS_DESC, filter: { sphere: NATIONAL }, last: 2) { nodes { name activity { sessions } } }
      people(orderBy: SESSIONS_DESC, activity: { role: PANELLIST }, first: 4) { nodes { surname activity(window: { role: PANELLIST }) { sessions } } }
      topics(orderBy: PARTICIPATIONS_DESC, activity: { seriesSlug: "sms", toYear: 2007 }, first: 3) { nodes { slug activity { people editions } } }
      sessions(filter: { role: PRESENTER }, first: 1) {
        nodes { title }
        facets { __typename byKind { kind count } byYear { count year } byOrganisationKind { kind n: count } }
      }
      conference(seriesSlug: "sms", year: 2007) { sessions(filter: { kind: COMMISSION }) { facets { byRole { role count } } } }
      topic(slug: "leadership-development") { sessions(first: 1) { facets { byOrganisationKind { kind count } } } }
      organisations(filter: { name: "SAPS" }) { nodes { sessions { facets { byYear { year count } } } } }
      person: people(filter: { name: "Levin" }) {
        nodes { participations(role: PRESENTER) { facets { byYear { year count } byRole { role count } byOrganisationKind { kind count } } } }
      }
    }`,
    variables: { window: { fromYear: 2007, toYear: 2007, seriesSlug: 'sms' }, order: 'PARTICIPATIONS_DESC' },
  },
  {
    // A page of participations joins each one's session and edition by the tids its order found them at (RowBeside).
    name: "participations' sessions and days with their editions, in a person's roles and in the list",
    query: `query RolesAndEditions {
      people(first: 40) {
        nodes {
          surname
          participations(first: 20) { nodes { role session { ref conference { year title } } day { number conference { year } } } }
          chaired: participations(role: CHAIRPERSON, first: 5) { nodes { session { ref } day { number conference { year title } } } }
        }
      }
      participations(first: 100) { nodes { session { conference { year } } day { conference { year } } } pageInfo { endCursor } }
    }`,
  },
  {
    name: 'every node type by id, through fragments and aliases',
    query: `query Nodes($ids: [ID!]!) {
      nodes(ids: $ids) {
        __typename
        id
        ...Named
        ... on Participation { role person { displayName } position { title } session { title } day { number } }
        ... on Position { title asOf }
        ... on ConferenceDay { number subTheme }
        ... on Annex { label available }
      }
      one: node(id: "Q29uZmVyZW5jZTox") { id ... on Conference { y: year t: title } }
      gone: node(id: "Q29uZmVyZW5jZTo5ODc2NTQ=") { id }
    }
    fragment Named on Node {
      ... on Conference { title }
      ... on ConferenceSeries { name }
      ... on Session { title }
      ... on Person { displayName }
      ... on Organisation { name }
      ... on Topic { name }
      ... on Source { title }
    }`,
    variables: {
      ids: [
        'Conference:1', 'ConferenceSeries:1', 'ConferenceDay:1', 'Session:1', 'Participation:1', 'Person:2', 'Position:1',
        'Organisation:2', 'Topic:1', 'Source:1', 'Annex:1', 'Person:99999',
      ].map((id) => Buffer.from(id).toString('base64')),
    },
  },
  {
    name: 'topicTimeline with every field and argument, known and unknown years',
    query: `query Timeline($none: [String!], $series: String, $from: Int) {
      everyTopic: topicTimeline(fromYear: 2005, toYear: 2008) { __typename year sessionCount conferenceCount known documentation topic { id slug name } }
      sms: topicTimeline(topicSlugs: ["organisational-performance-management", "leadership-development"], seriesSlug: "sms", fromYear: 1999, toYear: 2009) {
        year known documentation sessionCount conferenceCount topic { slug }
      }
      spanOfTheSeries: topicTimeline(topicSlugs: ["leadership-development"], seriesSlug: "sms") { year known documentation sessionCount }
      openEnded: topicTimeline(topicSlugs: ["coaching-and-mentoring"], fromYear: 2006) { year known sessionCount }
      nulls: topicTimeline(topicSlugs: $none, seriesSlug: $series, fromYear: $from, toYear: 2001) { year documentation topic { slug } }
      noTopics: topicTimeline(topicSlugs: []) { year }
      noSeries: topicTimeline(seriesSlug: "no-such-series") { year }
      topic(slug: "leadership-development") {
        timeline(seriesSlug: "sms", fromYear: 2006) { year known documentation sessionCount conferenceCount topic { name } }
        whole: timeline { ...Year }
      }
    }
    fragment Year on TopicYear { year conferenceCount known }`,
    variables: { none: null, series: null, from: null },
  },
  {
    name: 'topicTimeline refusals: an unknown slug',
    query: `{
      topicTimeline(topicSlugs: ["leadership-development", "no-such-topic"]) { year }
    }`,
  },
  {
    name: 'topicTimeline refusals: a year out of range',
    query: `{
      topicTimeline(fromYear: 1800) { year }
    }`,
  },
  {
    name: 'topicTimeline refusals: a reversed range',
    query: `{
      topicTimeline(fromYear: 2007, toYear: 2001) { year }
    }`,
  },
  {
    name: 'compareConferences with every field: documented, referenced, and an edition with itself',
    query: `query Compare($documented: ID!, $referenced: ID!, $other: ID!) {
      mixed: compareConferences(leftId: $documented, rightId: $referenced) {
        __typename similarity comparable knownSimilarity reason
        left { id year title documentation } right { year documentation }
        sharedTopics { slug name } onlyLeft { slug } onlyRight { slug }
      }
      referenced: compareConferences(leftId: $referenced, rightId: $other) { similarity comparable knownSimilarity reason sharedTopics { slug } onlyLeft { slug } onlyRight { slug } }
      itself: compareConferences(leftId: $documented, rightId: $documented) { similarity comparable knownSimilarity reason left { year } right { year } sharedTopics { slug } onlyLeft { slug } }
      referencedItself: compareConferences(leftId: $other, rightId: $other) { comparable knownSimilarity reason }
    }`,
    variables: {
      documented: Buffer.from('Conference:1').toString('base64'),
      referenced: Buffer.from('Conference:3').toString('base64'),
      other: Buffer.from('Conference:2').toString('base64'),
    },
  },
  {
    name: 'compareConferences refusals: an id no edition has',
    query: `{
      compareConferences(leftId: "Q29uZmVyZW5jZTox", rightId: "Q29uZmVyZW5jZTo5OTk=") { similarity }
    }`,
  },
  {
    name: 'changes with every field but the time, paged both ways and filtered',
    query: `query Changes($person: ID!, $import: String) {
      first: changes(first: 3) {
        __typename totalCount
        edges { cursor node { __typename action actor recordType recordId changedFields before after importId note } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      next: changes(first: 2, after: "YXJyYXljb25uZWN0aW9uOjI=") { nodes { recordType recordId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      oldest: changes(last: 2) { totalCount nodes { recordType recordId action } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      before: changes(last: 2, before: "YXJyYXljb25uZWN0aW9uOjU=") { nodes { recordId } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
      ofPerson: changes(recordId: $person) { totalCount nodes { action recordType recordId changedFields after } }
      byLoad: changes(actor: "corpus-load", first: 1) { totalCount nodes { actor } }
      byNobody: changes(actor: "nobody") { totalCount nodes { actor } pageInfo { hasNextPage startCursor endCursor } }
      byImport: changes(importId: "00000000-0000-4000-8000-000000000000") { totalCount nodes { importId } }
      nulls: changes(recordId: null, actor: null, importId: $import, first: 1) { totalCount }
    }`,
    variables: { person: Buffer.from('Person:1').toString('base64'), import: null },
  },
  {
    name: 'changes refusals: an import id that is not one',
    query: `{
      changes(importId: "yesterday") { totalCount }
    }`,
  },
  {
    name: 'claims refused without a key',
    query: `{
      claims { totalCount }
    }`,
  },
];

const HIT = `score highlight node { __typename ... on Conference { year title } ... on Session { title } ... on Person { displayName } ... on Organisation { name } ... on Source { key } ... on Position { title } }`;

/**
 * Searches of every kind the read floor compiles: every kind of hit through
 * fragments and aliases, pages by cursor and past the end, a corrected word,
 * a widened one, phrases and exclusions (the `whole` statement) and types.
 */
export const searches: EquivalenceQuery[] = [
  {
    name: 'search: every kind of hit through inline fragments, a union fragment and aliases',
    query: `{
      everything: search(query: "public OR levin", first: 100) {
        __typename
        count: totalCount
        hits: edges {
          __typename cursor
          hit: node {
            __typename score marked: highlight
            record: node {
              typeName: __typename
              ... on Conference { id title year theme series { slug } }
              ... on Session { id title sessionKind: kind number conference { year } topics { slug } participants { role person { displayName } } }
              ... on Person { id displayName surname initials positions { title organisation { acronym } } }
              ... on Organisation { id name acronym organisationKind: kind sphere parent { name } }
              ... on Source { id key title sourceKind: kind issuedOn publisher { name } }
              ... on Position { id title asOf acting rank organisation { name } person { displayName } }
              ...Named
            }
          }
        }
        info: pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
    fragment Named on SearchResult { ... on Person { givenNames } ... on Organisation { aliases } }`,
  },
  {
    name: 'search: a second page by cursor with its count and pageInfo, a page past the end, and the default page',
    query: `query Pages($q: String!, $first: Int, $after: String) {
      second: search(query: $q, first: $first, after: $after) {
        totalCount
        edges { cursor node { ${HIT} } }
        nodes { score }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      pastTheEnd: search(query: $q, after: "YXJyYXljb25uZWN0aW9uOjQw") {
        totalCount edges { cursor } nodes { score } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
      firstPage: search(query: $q) { pageInfo { hasNextPage endCursor } nodes { node { __typename } } }
      conference(seriesSlug: "sms", year: 2007) { title }
    }`,
    variables: { q: 'management', first: 5, after: 'YXJyYXljb25uZWN0aW9uOjQ=' },
  },
  {
    name: 'search: misspelt names corrected',
    query: `{
      swapped: search(query: "Ijoema") { totalCount nodes { ${HIT} } }
      person: search(query: "Mashgio", types: [PERSON]) { totalCount nodes { ${HIT} } }
      nothing: search(query: "Ijoemas") { totalCount nodes { score } pageInfo { hasNextPage startCursor endCursor } }
    }`,
  },
  {
    name: 'search: a word of the topic taxonomy widened to its synonyms',
    query: `{ search(query: "mentorship") { totalCount edges { cursor node { ${HIT} } } } }`,
  },
  {
    name: 'search: phrases, exclusions and words that must all be there',
    query: `{
      phrase: search(query: "\\"single public service\\"") { totalCount nodes { ${HIT} } }
      without: search(query: "leadership -women", first: 4) { totalCount nodes { ${HIT} } pageInfo { hasNextPage endCursor } }
      both: search(query: "leadership challenges") { totalCount nodes { ${HIT} } }
    }`,
  },
  {
    name: 'search: narrowed by types',
    query: `{
      two: search(query: "women", types: [SESSION, ORGANISATION]) { totalCount nodes { ${HIT} } }
      positions: search(query: "Deputy Director-General", types: [POSITION, POSITION]) { totalCount nodes { ${HIT} } }
      sources: search(query: "Levin", types: [SOURCE]) { totalCount nodes { ${HIT} } }
    }`,
  },
];
