/**
 * Statistics and text mining: how many conversations the team had, how fast it answered,
 * how each agent and group is doing (R1.4, R2.3.5, R8.1), and what customers ask about
 * (R9.4). Figures are derived from the conversations' transcripts into per-conversation
 * facts and daily and monthly totals, kept up to date as conversations change, so a
 * report over a year reads a few thousand rows.
 */
package dev.parley.analytics;
