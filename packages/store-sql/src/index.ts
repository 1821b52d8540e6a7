/**
 * `@hdnd/store-sql`: one implementation of hdnd's `Store` port over `@effect/sql`, shared by the
 * SQLite and PostgreSQL adapters.
 *
 * @since 0.1.0
 */

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
