import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { getHeapStatistics } from 'node:v8';
import { ConfigError, type Config } from '../config.js';

const MB = 1024 * 1024;

/** The share of the heap the in-process caches may fill together; the rest is for requests at work. */
export const CACHE_SHARE_OF_HEAP = 0.25;

/**
 * An LRU cache bounded by the bytes its entries hold on the heap, as each
 * entry's `bytesOf` estimates them, with Apollo's cache interface.
 */
export class MeasuredCache<V extends object | string> implements KeyValueCache<V> {
  private readonly entries: LRUCache<string, V>;

  constructor(
    readonly budgetBytes: number,
    bytesOf: (value: V, key: string) => number,
  ) {
    this.entries = new LRUCache<string, V>({ maxSize: budgetBytes, sizeCalculation: (value, key) => Math.max(1, Math.ceil(bytesOf(value, key))) });
  }

  async get(key: string): Promise<V | undefined> {
    return this.entries.get(key);
  }

  async set(key: string, value: V, options?: KeyValueCacheSetOptions): Promise<void> {
    // Apollo gives seconds; lru-cache takes milliseconds, and 0 for no expiry.
    this.entries.set(key, value, { ttl: options?.ttl ? options.ttl * 1000 : 0 });
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }

  /** Drops every entry (after a reconnect, when any of them may be stale). */
  clear(): void {
    this.entries.clear();
  }

  /** How many entries are held, and the bytes they are counted at. */
  usage(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }
}

/**
 * A string takes at most two bytes per UTF-16 code unit on the V8 heap (one
 * when every character is Latin-1). An answer holding one "—" takes two per
 * character, twice its UTF-8 length: a 15,000-character answer was measured
 * at 29.7 KB of heap, which counting characters put at 15 KB.
 */
export const stringBytes = (text: string) => Buffer.byteLength(text, 'utf16le');

/**
 * A parsed document occupies about four times its JSON length on the heap
 * (measured 3.7–4.3 on queries of 100 and 2,400 characters: 10 KB and
 * 187 KB); Apollo's own store counts the JSON length alone.
 */
export const documentBytes = (document: DocumentNode) => 4 * JSON.stringify(document).length;

export type MemoryCaches = {
  /** Whole answers and persisted queries (Apollo's `cache`), when they are kept in this process. */
  answers: MeasuredCache<string>;
  /** Parsed and validated documents (Apollo's `documentStore`), by the hash of their text. */
  documents: MeasuredCache<DocumentNode>;
};

/**
 * The in-process caches, each bounded in bytes, refused at start when
 * together they would fill more than CACHE_SHARE_OF_HEAP of the heap this
 * process may grow to (scripts/server-node-flags sets it for production).
 */
export function createMemoryCaches(
  config: Pick<Config, 'cacheSizeMb' | 'documentCacheSizeMb'>,
  heapLimitBytes = getHeapStatistics().heap_size_limit,
): MemoryCaches {
  const wanted = (config.cacheSizeMb + config.documentCacheSizeMb) * MB;
  if (wanted > heapLimitBytes * CACHE_SHARE_OF_HEAP) {
    throw new ConfigError(
      `Invalid configuration: CACHE_SIZE_MB (${config.cacheSizeMb}) and DOCUMENT_CACHE_SIZE_MB (${config.documentCacheSizeMb}) ` +
        `would fill more than a quarter of this process's ${Math.round(heapLimitBytes / MB)} MB heap; lower them or raise --max-old-space-size`,
    );
  }
  return {
    answers: new MeasuredCache<string>(config.cacheSizeMb * MB, (value, key) => stringBytes(value) + stringBytes(key)),
    documents: new MeasuredCache<DocumentNode>(config.documentCacheSizeMb * MB, (document, key) => documentBytes(document) + stringBytes(key)),
  };
}
