/**
 * Data round-trips exactly through the PostgreSQL store (issue #3 §5), in a schema of its own.
 */
import { roundTripSuite } from "../../store-sqlite/test/fixtures/roundTrip.js"
import { describePg } from "./utils/postgres.js"
import { schemaLayer } from "./utils/shared.js"

describePg("PostgreSQL", () => {
  roundTripSuite("PostgreSQL round trip", (registry) => schemaLayer({ registry }))
})
