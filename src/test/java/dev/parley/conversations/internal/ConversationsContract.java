package dev.parley.conversations.internal;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every conversations repository contract starts from: the repositories, and a
 * channel, a visitor and two staff members written with plain SQL. One subclass per
 * database ({@code @H2RepositoryTest} and the like) runs a contract on the real
 * migrations on a real engine, each test in a transaction rolled back at its end.
 */
@Transactional
abstract class ConversationsContract {

	@Autowired
	ConversationRepository conversations;

	@Autowired
	MessageRepository messages;

	@Autowired
	JdbcClient jdbc;

	long channel;

	long visitor;

	long ann;

	long bob;

	@BeforeEach
	void channelVisitorAndAgents() {
		this.channel = ReferencedRows.channel(this.jdbc, "web");
		this.visitor = ReferencedRows.visitor(this.jdbc, this.channel);
		this.ann = ReferencedRows.staffUser(this.jdbc, "ann");
		this.bob = ReferencedRows.staffUser(this.jdbc, "bob");
	}

}
