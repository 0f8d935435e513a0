/**
 * Staff identity: users, roles and fine-grained permissions, sign-in with password policy
 * and sign-in throttling, API tokens for integrations, and the install page that creates
 * the first administrator.
 */
package dev.parley.identity;
