import { graphql } from './generated/index.js';

/**
 * The operations intranet portals run. `npm run codegen` types them into
 * client/generated/ and lists each in client/generated/persisted-documents.json
 * (sha256 → document text), the manifest a server in trusted-documents mode
 * accepts and whose hashes the client sends as persisted queries.
 *
 * Changing an operation changes its hash: portals then send the new hash,
 * and the server's manifest must be the regenerated one.
 */

/** One person in one role, with the position the source gave them then. */
graphql(`
  fragment PortalParticipant on Participation {
    id
    role
    person {
      id
      displayName
    }
    position {
      id
      title
      acting
      organisation {
        id
        name
        acronym
      }
    }
  }
`);

/** An edition's programme as printed: days with sub-theme and chair, sessions in order, commissions under their breakaway. */
export const ConferenceProgramme = graphql(`
  query ConferenceProgramme($series: String!, $year: Int!) {
    conference(seriesSlug: $series, year: $year) {
      id
      title
      theme
      year
      startDate
      endDate
      venue {
        name
        city
      }
      series {
        slug
        name
      }
      days {
        id
        number
        date
        subTheme
        chair {
          ...PortalParticipant
        }
        sessions {
          id
          ref
          kind
          number
          title
          description
          keyIssues
          participants {
            ...PortalParticipant
          }
          children {
            id
            ref
            kind
            number
            title
            description
            keyIssues
            participants {
              ...PortalParticipant
            }
          }
        }
      }
    }
  }
`);

/** Sessions on a topic across editions, oldest first, a page at a time. */
export const SessionsByTopic = graphql(`
  query SessionsByTopic($topic: String!, $fromYear: Int, $toYear: Int, $first: Int, $after: String) {
    sessions(filter: { topicSlug: $topic, fromYear: $fromYear, toYear: $toYear }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ref
          kind
          number
          title
          conference {
            id
            year
            title
            series {
              slug
            }
          }
          day {
            number
          }
          parent {
            id
            title
          }
          participants {
            ...PortalParticipant
          }
        }
      }
    }
  }
`);

/** A person with the positions the sources give them and every role they had, in date order. */
export const PersonProfile = graphql(`
  query PersonProfile($id: ID!) {
    node(id: $id) {
      __typename
      ... on Person {
        id
        displayName
        honorific
        initials
        givenNames
        surname
        aliases
        positions {
          id
          title
          acting
          asOf
          organisation {
            id
            name
            acronym
          }
        }
        participations(first: 100) {
          totalCount
          nodes {
            id
            role
            position {
              id
              title
              acting
              organisation {
                id
                name
                acronym
              }
            }
            day {
              number
              conference {
                id
                year
                title
              }
            }
            session {
              id
              kind
              number
              title
              conference {
                id
                year
                title
              }
            }
          }
        }
      }
    }
  }
`);

/** Full-text search in web-search syntax, optionally narrowed to some types; best hits first. */
export const Search = graphql(`
  query Search($text: String!, $types: [SearchType!], $first: Int) {
    search(query: $text, types: $types, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        score
        highlight
        node {
          __typename
          ... on Conference {
            id
            year
            title
          }
          ... on Session {
            id
            title
            conference {
              year
            }
          }
          ... on Person {
            id
            displayName
          }
          ... on Organisation {
            id
            name
            acronym
          }
          ... on Source {
            id
            title
          }
        }
      }
    }
  }
`);
