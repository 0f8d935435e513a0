/**
 * Cross-cutting infrastructure: web and security configuration, problem responses, i18n,
 * database portability and the hooks other modules plug into.
 */
package dev.parley.platform;
