package dev.hindsight.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps a request's path to a file of the served site, refusing anything that could leave it: {@code ..} and
 * {@code .} segments (also percent-encoded), backslashes, NUL, and symbolic links that resolve outside the
 * site's directory. Directories are served by their {@code index.html}; there is no listing.
 */
final class SitePath {
    /** Longer paths are refused before any work (a request-size limit). */
    static final int MAX_PATH_LENGTH = 2048;

    /** Why a path was refused, as an HTTP status. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status, String why) {
            super(why);
            this.status = status;
        }
    }

    /** Where a request leads: a file, or a redirect that adds the directory's slash. */
    record Target(Path file, String redirect) {
    }

    private SitePath() {
    }

    static Target resolve(Path siteRoot, URI uri) throws Refused {
        String raw = uri.getRawPath();
        if (raw == null || raw.isEmpty() || !raw.startsWith("/")) {
            throw new Refused(400, "not an absolute path");
        }
        if (raw.length() > MAX_PATH_LENGTH) {
            throw new Refused(414, "path too long");
        }
        String path = uri.getPath();
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            throw new Refused(400, "forbidden character in path");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new Refused(400, "dot segments are not allowed");
            }
        }
        try {
            Path root = siteRoot.toRealPath();
            Path candidate = root.resolve(path.substring(1)).normalize();
            if (!candidate.startsWith(root)) {
                throw new Refused(404, "not found");
            }
            // Follows links, so a link to a file outside the site is caught here; missing files throw.
            Path real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                throw new Refused(404, "not found");
            }
            if (Files.isDirectory(real)) {
                if (!path.endsWith("/")) {
                    return new Target(null, uri.getRawPath() + "/");
                }
                Path index = real.resolve("index.html");
                if (!Files.isRegularFile(index) || !index.toRealPath().startsWith(root)) {
                    throw new Refused(404, "no index in directory");
                }
                return new Target(index.toRealPath(), null);
            }
            if (!Files.isRegularFile(real)) {
                throw new Refused(404, "not a file");
            }
            return new Target(real, null);
        } catch (IOException e) {
            throw new Refused(404, "not found");
        }
    }

    /** The content type of a site file, by its extension. */
    static String contentType(Path file) {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return switch (extension) {
            case "html" -> "text/html; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "js" -> "text/javascript; charset=utf-8";
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "jpg", "jpeg" -> "image/jpeg";
            case "gif" -> "image/gif";
            case "webp" -> "image/webp";
            case "xml" -> "application/xml";
            case "txt" -> "text/plain; charset=utf-8";
            case "csv" -> "text/csv; charset=utf-8";
            case "ics" -> "text/calendar; charset=utf-8";
            default -> "application/octet-stream";
        };
    }
}
