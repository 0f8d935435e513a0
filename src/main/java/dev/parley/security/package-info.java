/**
 * Security monitoring and isolation (R5.3, R5.5): the allow-list and deny-list of
 * networks, blocks of client addresses after bursts of failed sign-ins, refused requests,
 * malformed frames or widget arrivals, alerts to the administrators, and the security
 * screen's figures.
 */
package dev.parley.security;
