package dev.hindsight.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers in prose the way the seed template writes them: "约 10,000", "1.2万", "10k users",
 * "从 99.95% 降至 99.79%".
 */
final class NumberText {
    private static final Pattern NUMBER = Pattern.compile(
            "(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?\\s*(万|亿|[kK](?![a-zA-Z])|[mM](?![a-zA-Z]))?\\s*(%)?");

    private NumberText() {
    }

    /** A number found in text, and whether a '%' followed it. */
    record Found(BigDecimal value, boolean percent) {
    }

    static List<Found> all(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            BigDecimal value = new BigDecimal(m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2)));
            String unit = m.group(3);
            if (unit != null) {
                value = value.multiply(switch (unit) {
                    case "万" -> BigDecimal.valueOf(10_000);
                    case "亿" -> BigDecimal.valueOf(100_000_000);
                    case "k", "K" -> BigDecimal.valueOf(1_000);
                    default -> BigDecimal.valueOf(1_000_000);
                });
            }
            found.add(new Found(value, m.group(4) != null));
        }
        return found;
    }

    /** The first number of the text, if any. */
    static java.util.Optional<BigDecimal> first(String text) {
        List<Found> found = all(text);
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.get(0).value());
    }

    /** The percentages of the text, in order. */
    static List<Double> percentages(String text) {
        return all(text).stream().filter(Found::percent).map(f -> f.value().doubleValue()).toList();
    }
}
