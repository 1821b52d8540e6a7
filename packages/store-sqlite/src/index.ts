/**
 * `@hdnd/store-sqlite`: hdnd's embedded default store, a SQLite file.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as SqliteStore from "./SqliteStore.js"
