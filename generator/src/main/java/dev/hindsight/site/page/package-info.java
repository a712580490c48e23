/**
 * The page models: one record per page type, holding only display-ready values, so templates do no
 * computing beyond loops and conditionals. Public because the (generated) templates read them.
 */
package dev.hindsight.site.page;
