#!/usr/bin/env node
/**
 * The `hdnd` executable.
 *
 * @since 0.1.0
 */
import { main } from "./Main.js"

main()
