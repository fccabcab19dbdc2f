import express from 'express';

/**
 * Lekgotla's icon: people seated in a circle around a meeting place, which is
 * what a lekgotla is. Kept as text here so it is served from the code, with no
 * file to copy at build time.
 */
export const faviconSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="7" fill="#1f5f4a"/>
<circle cx="16" cy="16" r="5" fill="#f2c14e"/>
<g fill="#ffffff">
<circle cx="16" cy="5.5" r="2.6"/><circle cx="25.1" cy="10.75" r="2.6"/><circle cx="25.1" cy="21.25" r="2.6"/>
<circle cx="16" cy="26.5" r="2.6"/><circle cx="6.9" cy="21.25" r="2.6"/><circle cx="6.9" cy="10.75" r="2.6"/>
</g>
</svg>
`;

/** Where pages link the icon from. */
export const FAVICON_PATH = '/favicon.svg';

/**
 * The icon at /favicon.svg, and /favicon.ico (which browsers and feed readers
 * ask for on their own) sent there, so neither ends in a 404 in the logs.
 */
export function faviconRouter(): express.Router {
  const router = express.Router();
  router.get(FAVICON_PATH, (_request, response) => {
    response.set('cache-control', 'public, max-age=86400').type('image/svg+xml').send(faviconSvg);
  });
  router.get('/favicon.ico', (_request, response) => {
    response.redirect(301, FAVICON_PATH);
  });
  return router;
}
