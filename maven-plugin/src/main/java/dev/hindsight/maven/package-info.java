/**
 * The Maven goals: thin adapters that turn parameters into generator settings, call the generator and
 * report through Maven's log. No knowledge-base logic lives here.
 */
package dev.hindsight.maven;
