package dev.hindsight.cache;

import java.io.IOException;

/** A cache file that is not one this version wrote completely: the build goes on without it. */
public final class CacheFormatException extends IOException {
    public CacheFormatException(String message) {
        super(message);
    }
}
