package dev.hindsight.site;

import dev.hindsight.build.BuildListener;
import dev.hindsight.build.BuildPhase;
import dev.hindsight.build.BuildRequest;
import dev.hindsight.build.BuildResult;
import dev.hindsight.build.IncrementalBuild;
import dev.hindsight.build.SiteGeneration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A build in a process of its own, for {@link CrashSafetyTest}: {@code ChildBuild SOURCE OUT [PHASE]}
 * builds with the suite's settings; with a phase it prints {@code PAUSED PHASE} when that phase starts
 * and waits there until it is killed. At the end it prints {@code CODES} and the diagnostics' codes.
 */
public final class ChildBuild {
    private ChildBuild() {
    }

    public static void main(String[] args) {
        BuildPhase pause = args.length > 2 ? BuildPhase.valueOf(args[2]) : null;
        BuildListener listener = new BuildListener() {
            @Override
            public void phaseStarted(BuildPhase phase) {
                if (phase == pause) {
                    System.out.println("PAUSED " + phase);
                    System.out.flush();
                    try {
                        while (System.in.read() >= 0) {
                            // the parent never writes; it kills
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
        BuildRequest request = new BuildRequest(Path.of(args[0]), Path.of(args[1]), BuiltSite.LOAD, BuiltSite.settings());
        // A fourth argument is a build cache directory: the build is then a cached one, as `build --cache` runs.
        BuildResult result = args.length > 3 ? IncrementalBuild.cachedIn(Path.of(args[3])).run(request, listener)
                : SiteGeneration.run(request, listener);
        System.out.println("CODES " + result.diagnostics().stream().map(d -> d.code().code())
                .collect(Collectors.joining(" ")));
    }
}
