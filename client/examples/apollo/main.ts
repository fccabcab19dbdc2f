import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { ConferenceProgramme, persistedHash } from '@lekgotla/client';
import { pageOptions, renderFailure, renderProgramme, sha256Hex } from '../programme-view.js';

/**
 * The 2007 programme with Apollo Client 4 and @lekgotla/client's typed
 * ConferenceProgramme. Queries go by GET with the persisted hash alone:
 *
 * - trusted: the hash is the manifest's (persistedHash), which a server with
 *   TRUSTED_DOCUMENTS=anonymous knows without registration; the document is
 *   never sent (retry: false), as that server would refuse any other text.
 * - apq: the hash is of the text Apollo prints; on PERSISTED_QUERY_NOT_FOUND
 *   the link sends the document once, which registers it.
 */
try {
  const { endpoint, mode } = pageOptions();
  const persisted =
    mode === 'trusted'
      ? new PersistedQueryLink({ generateHash: persistedHash, retry: () => false, useGETForHashedQueries: true })
      : new PersistedQueryLink({ sha256: sha256Hex, useGETForHashedQueries: true });
  // Apollo Server's CSRF prevention lets a GET through only with a header no simple request may carry.
  const http = new HttpLink({ uri: endpoint, headers: { 'apollo-require-preflight': 'true' } });
  const client = new ApolloClient({ link: persisted.concat(http), cache: new InMemoryCache() });
  client.query({ query: ConferenceProgramme, variables: { series: 'sms', year: 2007 } }).then(({ data }) => renderProgramme(data), renderFailure);
} catch (error) {
  renderFailure(error);
}
