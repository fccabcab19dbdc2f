/**
 * @lekgotla/client: Lekgotla's operations for intranet portals, typed, with
 * the manifest of their persisted hashes. Use them with the small fetch
 * client below, or with Apollo Client or urql (see client/README.md).
 */
export {
  createLekgotlaClient,
  LekgotlaError,
  type LekgotlaClient,
  type LekgotlaClientOptions,
  type LekgotlaErrorCode,
} from './lekgotla-client.js';
export { ConferenceProgramme, PersonProfile, Search, SessionsByTopic } from './operations.js';
export { persistedDocuments, persistedHash } from './persisted.js';
// The operations' result and variable types, and the schema's enums and inputs they use.
export type * from './generated/graphql.js';
