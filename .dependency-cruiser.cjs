/**
 * The floors of the house (../shared/design/STYLE.md): every import points
 * down. `npm test` runs these rules; a violation fails it.
 */
const above = (floor) => `^src/(${floor})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'read-floor-stays-below-the-top',
      comment: 'The read floor serves resolvers, server, exports and insights; it never reaches up into them.',
      severity: 'error',
      from: { path: '^src/read/' },
      to: { path: above('resolvers|server|export|insights|cli|curation|ingest') },
    },
    {
      name: 'entities-are-the-ground',
      comment: 'Entities stand on the ground floor: they import only each other and the ground pieces beside them.',
      severity: 'error',
      from: { path: '^src/entities/' },
      to: { path: '^src/', pathNot: ['^src/entities/', '^src/schema/(node|scalars|global-id)\\.ts$', '^src/(errors|config|logger)\\.ts$'] },
    },
    {
      name: 'ground-stays-ground',
      comment: 'The request context and the shared error, config and logger modules are used by every floor and use none.',
      severity: 'error',
      from: { path: '^src/(context|errors|config|logger)\\.ts$' },
      to: { path: above('resolvers|server|export|insights|cli') },
    },
    {
      name: 'no-circular',
      comment: 'A cycle ties floors together so neither can change alone.',
      severity: 'error',
      from: { path: '^src/read/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
