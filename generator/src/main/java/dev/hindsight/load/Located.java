package dev.hindsight.load;

/** A value read from a report and the file position it was read at, for diagnostics about it later. */
record Located<T>(T value, int line, int column) {
}
