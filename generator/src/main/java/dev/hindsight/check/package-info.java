/**
 * Checking: loads a knowledge base and sums up what is wrong with it, for the command line's and the
 * Maven plugin's {@code check}. Depends on {@code load}, {@code model} and {@code diagnostic}; prints nothing.
 */
package dev.hindsight.check;
