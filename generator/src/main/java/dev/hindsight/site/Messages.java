package dev.hindsight.site;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The UI's words in the site's language, from {@code dev/hindsight/site/messages*.properties}
 * (UTF-8). Templates call {@link #get}; Java code formats with {@link #format}.
 */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);

    public Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: the site's language is a setting, not the machine's.
        this.bundle = ResourceBundle.getBundle("dev.hindsight.site.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag for {@code <html lang>}, e.g. {@code zh-CN}. */
    public String languageTag() {
        return locale.toLanguageTag();
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no UI text '" + key + "' for " + locale, e);
        }
    }

    public String format(String key, Object... arguments) {
        // Parsing a pattern costs more than formatting with it, and pages format thousands of times;
        // MessageFormat is not thread-safe, so each rendering thread keeps its own.
        return formats.get().computeIfAbsent(key, k -> new MessageFormat(get(k), locale)).format(arguments);
    }
}
