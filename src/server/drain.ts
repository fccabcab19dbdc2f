import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type http from 'node:http';

/**
 * What `apollo.stop()` does to the HTTP server: stop taking connections,
 * let the requests in flight finish (for up to `gracePeriodMs`), close each
 * kept-alive connection once it is idle, and only then let Apollo (and
 * after it, the database) stop.
 *
 * Apollo's drain plugin ends an active connection after its last answer,
 * but that answer still says "keep-alive", so a client may already be
 * sending its next request on a connection that is about to close. Every
 * answer given while draining says `Connection: close` instead, and the
 * client opens a new connection (to another server) for its next request.
 */
export function gracefulDrain(server: http.Server, gracePeriodMs: number): ApolloServerPlugin<BaseContext>[] {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  const lastOnItsConnection = (response: http.ServerResponse) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  };
  server.on('request', (_request: http.IncomingMessage, response: http.ServerResponse) => {
    if (draining) return lastOnItsConnection(response);
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  return [
    {
      async serverWillStart() {
        return {
          async drainServer() {
            draining = true;
            inFlight.forEach(lastOnItsConnection);
          },
        };
      },
    },
    ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: gracePeriodMs }),
  ];
}
