/**
 * The whole pipeline for one build request: load, knowledge base, exports, search, site; rebuilt incrementally
 * in one process (the preview server) or, through the build cache on disk, in the next one. The command line and
 * the Maven plugin both call this and nothing deeper.
 */
package dev.hindsight.build;
