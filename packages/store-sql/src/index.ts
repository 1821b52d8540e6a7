/**
 * `@hdnd/store-sql`: one implementation of hdnd's `Store` port over SQL, shared by the SQLite
 * and PostgreSQL adapters. It runs on a small database port of its own (`Database`), which each
 * adapter implements over its driver.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as Database from "./Database.js"
/** @since 0.1.0 */
export * as Dialect from "./Dialect.js"
/** @since 0.1.0 */
export * as Migrations from "./Migrations.js"
/** @since 0.1.0 */
export * as Pushdown from "./Pushdown.js"
/** @since 0.1.0 */
export * as Rows from "./Rows.js"
/** @since 0.1.0 */
export * as SqlStore from "./SqlStore.js"
/** @since 0.1.0 */
export * as Tables from "./Tables.js"
