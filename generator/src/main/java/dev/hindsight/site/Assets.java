package dev.hindsight.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The theme's static files with content-hashed names ({@code assets/style.3f2a91c0.css}), so a browser
 * may cache them forever and still never show a stale theme after an upgrade.
 */
final class Assets {
    private static final String RESOURCES = "/dev/hindsight/site/assets/";
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final String stylesheet;
    private final String script;
    private final String searchScript;
    private final String icon;

    Assets() {
        stylesheet = add("style", "css");
        script = add("site", "js");
        searchScript = add("search", "js");
        // Without an icon of their own, browsers ask every host for /favicon.ico and log a 404.
        icon = add("favicon", "svg");
    }

    private String add(String name, String extension) {
        byte[] bytes = read(name + "." + extension);
        String path = "assets/" + name + "." + hash(bytes) + "." + extension;
        files.put(path, bytes);
        return path;
    }

    /** Site path of the stylesheet. */
    String stylesheet() {
        return stylesheet;
    }

    /** Site path of the script. */
    String script() {
        return script;
    }

    /** Site path of the search page's engine. */
    String searchScript() {
        return searchScript;
    }

    /** Site path of the icon. */
    String icon() {
        return icon;
    }

    /** Every asset: site path → bytes, in a fixed order. */
    Map<String, byte[]> files() {
        return files;
    }

    private static byte[] read(String file) {
        try (InputStream in = Assets.class.getResourceAsStream(RESOURCES + file)) {
            if (in == null) {
                throw new IllegalStateException("theme file missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first ten hex digits of the bytes' SHA-256: names and versions that change with the content. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
