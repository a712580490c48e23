package dev.hindsight.site;

import java.util.Locale;
import java.util.Optional;

/** The languages Hindsight writes (pages, report templates), as users name them on the command line and in poms. */
public final class SiteLanguage {
    private SiteLanguage() {
    }

    /** {@code en} → English, {@code zh-CN} (also {@code zh}, {@code zh_CN}, any case) → Simplified Chinese. */
    public static Optional<Locale> parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "en" -> Optional.of(Locale.ENGLISH);
            case "zh-cn", "zh" -> Optional.of(Locale.SIMPLIFIED_CHINESE);
            default -> Optional.empty();
        };
    }
}
