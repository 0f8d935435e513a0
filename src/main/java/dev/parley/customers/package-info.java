/**
 * Customers: one record per person across channels and devices (widget visitors, API
 * channel users, e-mail senders, portal accounts), classified by level, tags and
 * attributes, searchable, with e-mail addresses and phone numbers encrypted at rest.
 */
package dev.parley.customers;
