package dev.parley.operations.internal.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

import dev.parley.operations.internal.logs.LogsConfiguration.LogDirectory;
import dev.parley.platform.ClusterNodes;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The logs of every node: this node reads its own files, and asks the other nodes for
 * theirs through {@link LogPeers} when there are any (the cluster profile); the answers
 * are merged newest first.
 */
@Service
class LogViewer implements LogSearch {

	private final LogReader reader;

	private final ClusterNodes nodes;

	private final ObjectProvider<LogPeers> peers;

	LogViewer(LogDirectory directory, LogsProperties properties, JsonMapper json, ClusterNodes nodes,
			ObjectProvider<LogPeers> peers) {
		this.reader = new LogReader(directory.path(), json, properties.queryBudget());
		this.nodes = nodes;
		this.peers = peers;
	}

	@Override
	public List<LogLine> errors(Instant from, Instant to, int limit) {
		return search(new LogQuery(from, to, EnumSet.of(LogLevel.ERROR), null, null, null, null, null, null,
				Math.max(1, Math.min(limit, 10_000))))
			.lines();
	}

	@Override
	public LogResult search(LogQuery query) {
		String self = this.nodes.thisNodeId();
		List<LogResult> results = new ArrayList<>();
		if (query.node() == null || query.node().equals(self)) {
			results.add(local(query));
		}
		LogPeers others = this.peers.getIfAvailable();
		if (others != null && (query.node() == null || !query.node().equals(self))) {
			results.addAll(others.ask(query));
		}
		return merge(results, query.limit());
	}

	/**
	 * @return what this node's own files hold
	 */
	LogResult local(LogQuery query) {
		return this.reader.read(query, this.nodes.thisNodeId());
	}

	static LogResult merge(List<LogResult> results, int limit) {
		if (results.size() == 1) {
			return results.get(0);
		}
		List<LogLine> lines = new ArrayList<>();
		List<String> answered = new ArrayList<>();
		boolean complete = true;
		for (LogResult result : results) {
			lines.addAll(result.lines());
			answered.addAll(result.nodes());
			complete &= result.complete();
		}
		lines.sort(Comparator.comparing(LogLine::at).reversed());
		return new LogResult(List.copyOf(lines.subList(0, Math.min(limit, lines.size()))), complete, answered);
	}

}
