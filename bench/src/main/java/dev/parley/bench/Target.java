package dev.parley.bench;

import java.time.Duration;
import java.util.List;

/** What the generator drives: Parley on one database, or the bare relay. */
interface Target extends AutoCloseable {

	/** For tables: "Parley (H2)", "baseline relay". */
	String label();

	Server server();

	/** {@code ws://host:port} */
	String wsBase();

	/**
	 * Creates conversations, each with a visitor and one of the agents, ready to talk.
	 */
	Setup conversations(int count, int perAgent) throws Exception;

	/** Tokens for visitors who only connect (and then stay idle). */
	List<String> visitorTokens(int count) throws Exception;

	/**
	 * How long until that many visitors arriving evenly within the window are queued and
	 * taken.
	 */
	Burst burst(int visitors, Duration window) throws Exception;

	/** The conversations of a run. */
	record Setup(List<Conversation> conversations, List<Agent> agents) {
	}

	/** A conversation: its id, the visitor's token, the index of its agent. */
	record Conversation(long id, String visitorToken, int agent) {
	}

	/**
	 * How an agent's socket connects: path (with query) and Cookie header (null: none).
	 */
	record Agent(String path, String cookie) {
	}

	/**
	 * @param queuedSeconds from the first arrival until every visitor is in (connected,
	 * conversation queued)
	 * @param assignedSeconds until every conversation has an agent (the baseline has no
	 * agents: equal to queued)
	 */
	record Burst(double queuedSeconds, double assignedSeconds, int errors) {
	}

}
