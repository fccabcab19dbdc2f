import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers on every answer: nosniff, no framing, no referrer, and a
 * Content-Security-Policy under which nothing loads, which is right for
 * JSON, CSV and calendar answers. The two pages (the IDE, /insights) send
 * their own policy instead, which admits their scripts and styles.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"], frameAncestors: ["'none'"] },
    },
    xFrameOptions: { action: 'deny' },
  });
}

/** GET answers of /graphql differ by Accept (the IDE or JSON) and by Authorization (public or a key holder's): caches must know. */
export const varyByCaller: RequestHandler = (request, response, next) => {
  if (request.method === 'GET') response.vary('Accept').vary('Authorization');
  next();
};
