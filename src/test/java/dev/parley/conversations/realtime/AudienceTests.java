package dev.parley.conversations.realtime;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.conversations.ConversationStatus;
import dev.parley.conversations.Side;
import dev.parley.conversations.internal.ChatEvents.Access;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.platform.Permission;
import dev.parley.testing.StaffAuthentications;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipient policy with exact recipient sets: every server frame against every party
 * (the visitor, the assignee, a watcher, a supervisor who monitors, agents who may take a
 * waiting conversation, an agent without the permission, another visitor, and a staff
 * member whose permissions were removed a moment ago).
 */
class AudienceTests {

	private static final long CONVERSATION = 41;

	private static final long VISITOR = 7;

	private final ConnectionRegistry registry = new ConnectionRegistry(
			new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

	private final Audience audience = new Audience(this.registry);

	private Connection visitor;

	private Connection otherVisitor;

	private Connection assignee;

	private Connection watcher;

	private Connection supervisor;

	private Connection agent;

	private Connection powerless;

	private Connection revoked;

	@BeforeEach
	void parties() {
		this.visitor = visitor(VISITOR, CONVERSATION);
		this.otherVisitor = visitor(8, 42);
		this.assignee = staff(1, "assignee", Permission.CONVERSATION_VIEW, Permission.CONVERSATION_REPLY);
		this.registry.join(this.assignee, CONVERSATION);
		// a supervisor watching the conversation
		this.watcher = staff(2, "watcher", Permission.CONVERSATION_VIEW, Permission.CONVERSATION_MONITOR);
		this.registry.join(this.watcher, CONVERSATION);
		// a supervisor who may see everything but does not watch this one
		this.supervisor = staff(3, "supervisor", Permission.CONVERSATION_VIEW, Permission.CONVERSATION_VIEW_ALL,
				Permission.CONVERSATION_REPLY);
		this.agent = staff(4, "agent", Permission.CONVERSATION_VIEW, Permission.CONVERSATION_REPLY);
		this.powerless = staff(5, "powerless", Permission.USER_VIEW);
		// watched it while allowed; then the permissions went
		this.revoked = staff(6, "revoked", Permission.CONVERSATION_MONITOR);
		this.registry.join(this.revoked, CONVERSATION);
		this.revoked.authenticateStaff(StaffAuthentications.of(6, "revoked"), 0);
	}

	@Test
	void aMessageOfAnAssignedConversationReachesItsVisitorAndWhoFollowsIt() {
		Audience.Recipients recipients = this.audience.message(assigned());
		assertThat(recipients.visitors()).containsExactlyInAnyOrder(this.visitor);
		assertThat(names(recipients.staff())).containsExactlyInAnyOrder("assignee", "watcher");
	}

	@Test
	void aMessageOfAWaitingConversationAlsoReachesEveryoneWhoMayTakeIt() {
		Audience.Recipients recipients = this.audience.message(waiting());
		assertThat(recipients.visitors()).containsExactlyInAnyOrder(this.visitor);
		assertThat(names(recipients.staff())).containsExactlyInAnyOrder("assignee", "watcher", "supervisor", "agent");
	}

	@Test
	void aConversationChangeReachesItsVisitorTheAssigneeAndWhoSeesAll() {
		Audience.Recipients assigned = this.audience.conversation(assigned(), VISITOR);
		assertThat(assigned.visitors()).containsExactlyInAnyOrder(this.visitor);
		assertThat(names(assigned.staff())).containsExactlyInAnyOrder("assignee", "watcher", "supervisor");
		Audience.Recipients waiting = this.audience.conversation(waiting(), VISITOR);
		assertThat(names(waiting.staff())).containsExactlyInAnyOrder("watcher", "supervisor", "agent", "assignee");
		Audience.Recipients closed = this.audience
			.conversation(new Access(CONVERSATION, ConversationStatus.CLOSED, 1L, 9), VISITOR);
		assertThat(names(closed.staff())).containsExactlyInAnyOrder("assignee", "watcher", "supervisor");
	}

	@Test
	void whoFollowedAndMayNoLongerReadIsToldOnceAndOnlyThen() {
		assertThat(names(this.audience.lostFollowers(assigned()))).containsExactly("revoked");
		// transferred to the agent: the former assignee no longer reads it
		Access transferred = new Access(CONVERSATION, ConversationStatus.ASSIGNED, 4L, 10);
		assertThat(names(this.audience.lostFollowers(transferred))).containsExactlyInAnyOrder("assignee", "revoked");
		assertThat(names(this.audience.conversation(transferred, VISITOR).staff())).containsExactlyInAnyOrder("agent",
				"watcher", "supervisor");
	}

	@Test
	void aNoteNeverReachesAVisitorNorSomeoneWhoMayNotReadIt() {
		assertThat(names(this.audience.note(assigned()))).containsExactlyInAnyOrder("assignee", "watcher");
		assertThat(names(this.audience.mentioned(Set.of(4L, 5L, 3L), assigned())))
			.as("the agent may not read someone else's conversation; the powerless may read none")
			.containsExactly("supervisor");
		assertThat(names(this.audience.mentioned(Set.of(4L, 5L), waiting()))).containsExactly("agent");
		assertThat(names(this.audience.mentionedOutside(Set.of(4L, 5L, 3L), assigned())))
			.as("told only that they were mentioned")
			.containsExactlyInAnyOrder("agent", "powerless");
	}

	@Test
	void typingReadAndPresenceGoToTheOtherSideOnly() {
		Audience.Recipients fromVisitor = this.audience.otherSide(Side.VISITOR, assigned());
		assertThat(fromVisitor.visitors()).isEmpty();
		assertThat(names(fromVisitor.staff())).containsExactlyInAnyOrder("assignee", "watcher");
		Audience.Recipients fromAgent = this.audience.otherSide(Side.AGENT, assigned());
		assertThat(fromAgent.visitors()).containsExactly(this.visitor);
		assertThat(fromAgent.staff()).isEmpty();
	}

	@Test
	void anotherVisitorNeverReceivesAnything() {
		for (Access access : List.of(assigned(), waiting())) {
			assertThat(this.audience.message(access).visitors()).doesNotContain(this.otherVisitor);
			assertThat(this.audience.conversation(access, VISITOR).visitors()).doesNotContain(this.otherVisitor);
			assertThat(this.audience.otherSide(Side.AGENT, access).visitors()).doesNotContain(this.otherVisitor);
		}
	}

	private static Access assigned() {
		return new Access(CONVERSATION, ConversationStatus.ASSIGNED, 1L, 5);
	}

	private static Access waiting() {
		return new Access(CONVERSATION, ConversationStatus.WAITING, null, 3);
	}

	private Connection visitor(long visitorId, long conversationId) {
		Connection connection = new Connection(new FakeSession(), false, null, 0);
		connection.authenticateVisitor(new VisitorIdentity(visitorId, 1));
		this.registry.opened(connection);
		this.registry.visitorAuthenticated(connection);
		this.registry.join(connection, conversationId);
		return connection;
	}

	private Connection staff(long id, String name, Permission... permissions) {
		Connection connection = new Connection(new FakeSession(), true, null, 0);
		connection.authenticateStaff(StaffAuthentications.of(id, name, permissions), 0);
		this.registry.opened(connection);
		return connection;
	}

	private static Set<String> names(Set<Connection> connections) {
		return connections.stream().map((c) -> c.actor().username()).collect(Collectors.toSet());
	}

}
