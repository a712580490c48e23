/**
 * The incident model: immutable records and closed enums for everything a post-mortem report says.
 * Depends on nothing but the JDK; every other stage reads it, none writes to it.
 */
package dev.hindsight.model;
