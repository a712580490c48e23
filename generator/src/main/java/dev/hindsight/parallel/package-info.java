/**
 * Running a list of independent tasks on every core, each task taken in order by whichever thread is free. Every
 * stage that fans out uses it; it depends on the JDK only.
 */
package dev.hindsight.parallel;
