package dev.hindsight.load;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How to read reports.
 *
 * @param zone           the site's time zone: date-times written without an offset are in it
 * @param maxReportBytes files larger than this are rejected unread (HS102)
 */
public record LoadSettings(ZoneId zone, long maxReportBytes) {
    /** The default size limit, 5 MB: far above any real report, far below what could hurt the build. */
    public static final long DEFAULT_MAX_REPORT_BYTES = 5L * 1024 * 1024;

    public LoadSettings {
        Objects.requireNonNull(zone, "zone");
        if (maxReportBytes <= 0) {
            throw new IllegalArgumentException("maxReportBytes must be positive");
        }
    }

    /** The defaults: the system's time zone and a 5 MB limit. */
    public static LoadSettings defaults() {
        return new LoadSettings(ZoneId.systemDefault(), DEFAULT_MAX_REPORT_BYTES);
    }

    public LoadSettings withZone(ZoneId newZone) {
        return new LoadSettings(newZone, maxReportBytes);
    }

    public LoadSettings withMaxReportBytes(long bytes) {
        return new LoadSettings(zone, bytes);
    }
}
