package dev.hindsight.site;

import dev.hindsight.build.IncrementalBuild;

/**
 * The same edits as {@link IncrementalBuildTest}, each rebuilt as a new process would (the next
 * {@code hindsight build --cache}, the next {@code mvn site}): a new builder that knows only the build cache on disk.
 * It renders only the pages the edit touched, and leaves the site a full build writes.
 */
class CachedIncrementalBuildTest extends IncrementalBuildTest {
    @Override
    IncrementalBuild nextBuild() {
        return IncrementalBuild.cachedIn(temp.resolve("cache"));
    }
}
