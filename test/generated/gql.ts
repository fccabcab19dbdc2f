/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ConferenceTitle($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      title\n      documentation\n    }\n  }\n": typeof types.ConferenceTitleDocument,
    "\n  query SeedConferenceEdition($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      id\n      title\n      year\n      theme\n      startDate\n      endDate\n      venue {\n        name\n        city\n      }\n      audience\n      expectedAttendance\n      documentation\n      focus\n      background\n      bookings\n      objectives {\n        group\n        text\n      }\n      contacts {\n        name\n        phone\n        email\n        organisation {\n          name\n          acronym\n        }\n      }\n      series {\n        slug\n      }\n      sources {\n        key\n        kind\n        text\n      }\n      citations {\n        excerpt\n        source {\n          key\n        }\n      }\n    }\n  }\n": typeof types.SeedConferenceEditionDocument,
    "\n  fragment SeedConferenceParticipant on Participation {\n    role\n    person {\n      displayName\n    }\n    position {\n      title\n      acting\n      organisation {\n        name\n        acronym\n      }\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n": typeof types.SeedConferenceParticipantFragmentDoc,
    "\n  fragment SeedConferenceSessionFields on Session {\n    ref\n    kind\n    number\n    title\n    description\n    keyIssues\n    participants {\n      ...SeedConferenceParticipant\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n": typeof types.SeedConferenceSessionFieldsFragmentDoc,
    "\n  query SeedConferenceProgramme($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      days {\n        number\n        subTheme\n        chair {\n          ...SeedConferenceParticipant\n        }\n        citations {\n          excerpt\n          source {\n            key\n          }\n        }\n        sessions {\n          ...SeedConferenceSessionFields\n          children {\n            ...SeedConferenceSessionFields\n            parent {\n              title\n            }\n            children {\n              ref\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.SeedConferenceProgrammeDocument,
    "\n      query SeedConferenceCitedSource($series: String!, $year: Int!) {\n        conference(seriesSlug: $series, year: $year) {\n          citations {\n            excerpt\n            source {\n              key\n              text\n              checksum\n            }\n          }\n        }\n      }\n    ": typeof types.SeedConferenceCitedSourceDocument,
};
const documents: Documents = {
    "\n  query ConferenceTitle($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      title\n      documentation\n    }\n  }\n": types.ConferenceTitleDocument,
    "\n  query SeedConferenceEdition($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      id\n      title\n      year\n      theme\n      startDate\n      endDate\n      venue {\n        name\n        city\n      }\n      audience\n      expectedAttendance\n      documentation\n      focus\n      background\n      bookings\n      objectives {\n        group\n        text\n      }\n      contacts {\n        name\n        phone\n        email\n        organisation {\n          name\n          acronym\n        }\n      }\n      series {\n        slug\n      }\n      sources {\n        key\n        kind\n        text\n      }\n      citations {\n        excerpt\n        source {\n          key\n        }\n      }\n    }\n  }\n": types.SeedConferenceEditionDocument,
    "\n  fragment SeedConferenceParticipant on Participation {\n    role\n    person {\n      displayName\n    }\n    position {\n      title\n      acting\n      organisation {\n        name\n        acronym\n      }\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n": types.SeedConferenceParticipantFragmentDoc,
    "\n  fragment SeedConferenceSessionFields on Session {\n    ref\n    kind\n    number\n    title\n    description\n    keyIssues\n    participants {\n      ...SeedConferenceParticipant\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n": types.SeedConferenceSessionFieldsFragmentDoc,
    "\n  query SeedConferenceProgramme($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      days {\n        number\n        subTheme\n        chair {\n          ...SeedConferenceParticipant\n        }\n        citations {\n          excerpt\n          source {\n            key\n          }\n        }\n        sessions {\n          ...SeedConferenceSessionFields\n          children {\n            ...SeedConferenceSessionFields\n            parent {\n              title\n            }\n            children {\n              ref\n            }\n          }\n        }\n      }\n    }\n  }\n": types.SeedConferenceProgrammeDocument,
    "\n      query SeedConferenceCitedSource($series: String!, $year: Int!) {\n        conference(seriesSlug: $series, year: $year) {\n          citations {\n            excerpt\n            source {\n              key\n              text\n              checksum\n            }\n          }\n        }\n      }\n    ": types.SeedConferenceCitedSourceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConferenceTitle($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      title\n      documentation\n    }\n  }\n"): (typeof documents)["\n  query ConferenceTitle($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      title\n      documentation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeedConferenceEdition($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      id\n      title\n      year\n      theme\n      startDate\n      endDate\n      venue {\n        name\n        city\n      }\n      audience\n      expectedAttendance\n      documentation\n      focus\n      background\n      bookings\n      objectives {\n        group\n        text\n      }\n      contacts {\n        name\n        phone\n        email\n        organisation {\n          name\n          acronym\n        }\n      }\n      series {\n        slug\n      }\n      sources {\n        key\n        kind\n        text\n      }\n      citations {\n        excerpt\n        source {\n          key\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SeedConferenceEdition($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      id\n      title\n      year\n      theme\n      startDate\n      endDate\n      venue {\n        name\n        city\n      }\n      audience\n      expectedAttendance\n      documentation\n      focus\n      background\n      bookings\n      objectives {\n        group\n        text\n      }\n      contacts {\n        name\n        phone\n        email\n        organisation {\n          name\n          acronym\n        }\n      }\n      series {\n        slug\n      }\n      sources {\n        key\n        kind\n        text\n      }\n      citations {\n        excerpt\n        source {\n          key\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SeedConferenceParticipant on Participation {\n    role\n    person {\n      displayName\n    }\n    position {\n      title\n      acting\n      organisation {\n        name\n        acronym\n      }\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SeedConferenceParticipant on Participation {\n    role\n    person {\n      displayName\n    }\n    position {\n      title\n      acting\n      organisation {\n        name\n        acronym\n      }\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SeedConferenceSessionFields on Session {\n    ref\n    kind\n    number\n    title\n    description\n    keyIssues\n    participants {\n      ...SeedConferenceParticipant\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SeedConferenceSessionFields on Session {\n    ref\n    kind\n    number\n    title\n    description\n    keyIssues\n    participants {\n      ...SeedConferenceParticipant\n    }\n    citations {\n      excerpt\n      source {\n        key\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SeedConferenceProgramme($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      days {\n        number\n        subTheme\n        chair {\n          ...SeedConferenceParticipant\n        }\n        citations {\n          excerpt\n          source {\n            key\n          }\n        }\n        sessions {\n          ...SeedConferenceSessionFields\n          children {\n            ...SeedConferenceSessionFields\n            parent {\n              title\n            }\n            children {\n              ref\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query SeedConferenceProgramme($series: String!, $year: Int!) {\n    conference(seriesSlug: $series, year: $year) {\n      days {\n        number\n        subTheme\n        chair {\n          ...SeedConferenceParticipant\n        }\n        citations {\n          excerpt\n          source {\n            key\n          }\n        }\n        sessions {\n          ...SeedConferenceSessionFields\n          children {\n            ...SeedConferenceSessionFields\n            parent {\n              title\n            }\n            children {\n              ref\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query SeedConferenceCitedSource($series: String!, $year: Int!) {\n        conference(seriesSlug: $series, year: $year) {\n          citations {\n            excerpt\n            source {\n              key\n              text\n              checksum\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query SeedConferenceCitedSource($series: String!, $year: Int!) {\n        conference(seriesSlug: $series, year: $year) {\n          citations {\n            excerpt\n            source {\n              key\n              text\n              checksum\n            }\n          }\n        }\n      }\n    "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;