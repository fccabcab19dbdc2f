import { cacheExchange, Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { ConferenceProgramme, persistedHash } from '@lekgotla/client';
import { pageOptions, renderFailure, renderProgramme } from '../programme-view.js';

/**
 * The 2007 programme with urql 6 and @lekgotla/client's typed
 * ConferenceProgramme. Queries go by GET with the persisted hash alone:
 *
 * - trusted: the hash is the manifest's (persistedHash), which a server with
 *   TRUSTED_DOCUMENTS=anonymous knows without registration; the document is
 *   never sent (enforcePersistedQueries), as that server would refuse any other text.
 * - apq: the exchange's own hash of the text urql prints; on
 *   PERSISTED_QUERY_NOT_FOUND it sends the document once, which registers it.
 */
try {
  const { endpoint, mode } = pageOptions();
  const persisted =
    mode === 'trusted'
      ? persistedExchange({ generateHash: async (_query, document) => persistedHash(document), enforcePersistedQueries: true, preferGetForPersistedQueries: true })
      : persistedExchange({ preferGetForPersistedQueries: true });
  const client = new Client({
    url: endpoint,
    // Apollo Server's CSRF prevention lets a GET through only with a header no simple request may carry.
    fetchOptions: { headers: { 'apollo-require-preflight': 'true' } },
    exchanges: [cacheExchange, persisted, fetchExchange],
  });
  client
    .query(ConferenceProgramme, { series: 'sms', year: 2007 })
    .toPromise()
    .then((result) => {
      if (result.error) throw result.error;
      renderProgramme(result.data);
    })
    .catch(renderFailure);
} catch (error) {
  renderFailure(error);
}
