package dev.parley.operations.internal.logs;

import java.util.List;

/**
 * The lines a query found.
 *
 * @param lines newest first
 * @param complete false when a node's read ran out of its time or line budget, or a node
 * did not answer: there may be more lines in the range
 * @param nodes the nodes that answered
 */
public record LogResult(List<LogLine> lines, boolean complete, List<String> nodes) {
}
