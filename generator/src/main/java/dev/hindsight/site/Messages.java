package dev.hindsight.site;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
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
    /** Each thread's texts formatted of integers only, by key and arguments. */
    private final ThreadLocal<Map<List<Object>, String>> numbered = ThreadLocal.withInitial(HashMap::new);

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
        if (onlyNumbers(arguments)) {
            // Durations and day counts repeat on every list an incident or action is on (a few hundred thousand
            // times for 10,000 reports) with a few thousand distinct values; formatting them was 2% of a build.
            List<Object> call = new ArrayList<>(arguments.length + 1);
            call.add(key);
            Collections.addAll(call, arguments);
            return numbered.get().computeIfAbsent(call, c -> formatted(key, arguments));
        }
        return formatted(key, arguments);
    }

    private String formatted(String key, Object... arguments) {
        // Parsing a pattern costs more than formatting with it, and pages format thousands of times;
        // MessageFormat is not thread-safe, so each rendering thread keeps its own.
        return formats.get().computeIfAbsent(key, k -> new MessageFormat(get(k), locale)).format(arguments);
    }

    /** Whether every argument is an integer, whose formatted text the call's key and values decide. */
    private static boolean onlyNumbers(Object[] arguments) {
        for (Object argument : arguments) {
            if (!(argument instanceof Long || argument instanceof Integer)) {
                return false;
            }
        }
        return true;
    }
}
