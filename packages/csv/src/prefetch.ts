/**
 * @civitas/csv/prefetch — a head start on reading an evidence directory: the CLI starts the
 * parse workers on the directory named by `--evidence` while it is still loading its modules
 * and the rule set; a later `readEvidence` of the same directory takes the parse over.
 *
 * This entry imports nothing of @civitas/core, so that starting costs only what parsing needs.
 *
 * @packageDocumentation
 */
export { prefetchEvidence, releasePrefetchedEvidence } from "./parallel/prefetch.js";
