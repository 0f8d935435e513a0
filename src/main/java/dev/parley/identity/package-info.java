/**
 * Staff identity: users, roles and fine-grained permissions, sign-in with password policy
 * and lockout, API tokens for integrations, and the install page that creates the first
 * administrator.
 */
package dev.parley.identity;
