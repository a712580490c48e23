package dev.hindsight.site;

import java.nio.file.Path;

/** A file a report links to, and where in the site it is copied (relative to the site root, '/'-separated). */
record Attachment(Path source, String sitePath) {
}
