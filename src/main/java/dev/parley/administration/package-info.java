/**
 * System management: settings an administrator changes at run time, and the audit log of
 * security and administrative events.
 */
package dev.parley.administration;
