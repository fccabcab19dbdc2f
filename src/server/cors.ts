import cors from 'cors';
import type { Config } from '../config.js';

/**
 * Cross-origin access for intranet portals: listed origins get CORS headers
 * (credentials included) and answered preflights; any other origin gets no
 * CORS headers at all, so browsers keep its pages out.
 */
export function corsForPortals(config: Pick<Config, 'corsOrigins'>) {
  const allowed = new Set(config.corsOrigins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name'],
    exposedHeaders: ['ETag', 'Cache-Control'],
    maxAge: 600,
  });
}
