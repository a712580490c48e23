package dev.hindsight.build;

import java.util.Arrays;
import java.util.List;

/** The stages of a build, in the order they run; a listener hears about each one. */
public enum BuildPhase {
    /** Reading and parsing the reports. */
    LOAD,
    /** Reading what the previous build left in the build cache (another process's build, not this one's). */
    CACHE_READ,
    /** Building the knowledge base: taxonomies, action tracker, metrics. */
    MODEL,
    /** Rendering the exports (CSV, JSON, iCalendar, …). */
    EXPORTS,
    /** Building the Lucene index. */
    SEARCH_INDEX,
    /** Writing the browser search's shards from the index. */
    STATIC_SEARCH,
    /** Finding each incident's related incidents. */
    RELATED,
    /** Rendering and writing the pages, then swapping the new site in. */
    RENDER,
    /** Writing the build cache for the next process. */
    CACHE_WRITE;

    /** Whether only builds with a build cache run this phase ({@code build --cache}, the Maven goals). */
    public boolean cacheOnly() {
        return this == CACHE_READ || this == CACHE_WRITE;
    }

    /** The phases every build runs, in order. */
    public static List<BuildPhase> pipeline() {
        return Arrays.stream(values()).filter(phase -> !phase.cacheOnly()).toList();
    }

    /** "search index": how the phase reads in a progress line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
