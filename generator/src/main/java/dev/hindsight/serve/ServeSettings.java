package dev.hindsight.serve;

import dev.hindsight.build.BuildRequest;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the preview server.
 *
 * @param build the build it repeats on every change (its output is the directory served)
 * @param port  the port on 127.0.0.1; 0 picks a free one
 */
public record ServeSettings(BuildRequest build, int port) {
    public ServeSettings {
        Objects.requireNonNull(build, "build");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
    }

    /** The directories whose changes trigger a rebuild: the reports, and the custom templates if any. */
    java.util.List<Path> watched() {
        Path templates = build.site().templateDirectory();
        return templates == null ? java.util.List.of(build.source()) : java.util.List.of(build.source(), templates);
    }
}
