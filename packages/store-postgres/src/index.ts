/**
 * `@hdnd/store-postgres`: hdnd's store for shared deployments, on PostgreSQL.
 *
 * @since 0.1.0
 */

/** @since 0.1.0 */
export * as PostgresStore from "./PostgresStore.js"
