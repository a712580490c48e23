package dev.hindsight.load;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How to read reports.
 *
 * @param zone           the site's time zone: date-times written without an offset are in it
 * @param maxReportBytes files larger than this are rejected unread (HS102)
 * @param maxSourceBytes when the report files together are larger than this, none is read (HS107)
 */
public record LoadSettings(ZoneId zone, long maxReportBytes, long maxSourceBytes) {
    /** The default size limit, 5 MB: far above any real report, far below what could hurt the build. */
    public static final long DEFAULT_MAX_REPORT_BYTES = 5L * 1024 * 1024;
    /**
     * The default limit for all reports together, 1 GiB: 10,000 generated reports are 59 MB, so only a
     * source directory pointed at the wrong place (a home directory, a disk) comes near it.
     */
    public static final long DEFAULT_MAX_SOURCE_BYTES = 1024L * 1024 * 1024;

    public LoadSettings {
        Objects.requireNonNull(zone, "zone");
        if (maxReportBytes <= 0) {
            throw new IllegalArgumentException("maxReportBytes must be positive");
        }
        if (maxSourceBytes <= 0) {
            throw new IllegalArgumentException("maxSourceBytes must be positive");
        }
    }

    /** The given zone and report limit, with the default limit for all reports together. */
    public LoadSettings(ZoneId zone, long maxReportBytes) {
        this(zone, maxReportBytes, DEFAULT_MAX_SOURCE_BYTES);
    }

    /** The defaults: the system's time zone, a 5 MB limit per report and 1 GiB for all of them. */
    public static LoadSettings defaults() {
        return new LoadSettings(ZoneId.systemDefault(), DEFAULT_MAX_REPORT_BYTES, DEFAULT_MAX_SOURCE_BYTES);
    }

    public LoadSettings withZone(ZoneId newZone) {
        return new LoadSettings(newZone, maxReportBytes, maxSourceBytes);
    }

    public LoadSettings withMaxReportBytes(long bytes) {
        return new LoadSettings(zone, bytes, maxSourceBytes);
    }

    public LoadSettings withMaxSourceBytes(long bytes) {
        return new LoadSettings(zone, maxReportBytes, bytes);
    }
}
