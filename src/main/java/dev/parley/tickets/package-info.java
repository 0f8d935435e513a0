/**
 * Tickets: every problem that a chat cannot finish (a refund, a fault to investigate, a
 * complaint) tracked to the end, with its flow (new, open, pending, solved, closed),
 * assignment and transfer, replies to the customer by e-mail and in the portal, internal
 * notes, and SLA targets measured in business hours.
 */
package dev.parley.tickets;
