/**
 * Agents and their work: agent profiles (capacity, status), groups with their routing
 * strategy and members, and the router that hands waiting conversations to available
 * agents without ever going over an agent's capacity, also across nodes.
 */
package dev.parley.agents;
