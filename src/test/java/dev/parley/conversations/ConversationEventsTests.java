package dev.parley.conversations;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.parley.conversations.internal.Channel;
import dev.parley.conversations.internal.Channels;
import dev.parley.conversations.internal.ChatMessages;
import dev.parley.conversations.internal.ConversationLifecycle;
import dev.parley.conversations.internal.Ratings;
import dev.parley.conversations.internal.Notes;
import dev.parley.conversations.internal.Snoozes;
import dev.parley.conversations.internal.VisitorSessions;
import dev.parley.conversations.internal.VisitorTokens;
import dev.parley.conversations.internal.VisitorTokens.VisitorIdentity;
import dev.parley.identity.StaffDirectory;
import dev.parley.identity.internal.RoleRepository;
import dev.parley.identity.internal.StaffUser;
import dev.parley.identity.internal.UserAdministration;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffActor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module events of live chat, each published by the change that causes it (in its
 * transaction) and delivered to listeners after the commit: the conversations module with
 * the modules it depends on, without the agents module (its two directories are stood in
 * for here).
 */
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(dev.parley.conversations.CustomerLinksStub.class)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
class ConversationEventsTests {

	@Autowired
	ConversationMail mail;

	@Autowired
	Channels channels;

	@Autowired
	VisitorSessions sessions;

	@Autowired
	VisitorTokens tokens;

	@Autowired
	ChatMessages chat;

	@Autowired
	ConversationLifecycle lifecycle;

	@Autowired
	Ratings ratings;

	@Autowired
	Notes notes;

	@Autowired
	Snoozes snoozes;

	@Autowired
	UserAdministration users;

	@Autowired
	RoleRepository roles;

	@Test
	void startingAConversationAnnouncesItAndPutsItInTheQueue(Scenario scenario) {
		VisitorIdentity visitor = visitor();
		scenario.stimulate(() -> this.sessions.startConversation(visitor, null).conversation().id())
			.andWaitForEventOfType(ConversationStarted.class)
			.matching((started) -> started.visitorId() == visitor.visitorId())
			.toArriveAndVerify((started, id) -> {
				assertThat(started.conversationId()).isEqualTo(id);
				assertThat(started.leftMessage()).isFalse();
			});
		VisitorIdentity another = visitor();
		scenario.stimulate(() -> start(another))
			.andWaitForEventOfType(ConversationWaiting.class)
			.matching((waiting) -> waiting.channelId() == another.channelId())
			.toArriveAndVerify((waiting, id) -> assertThat(waiting.conversationId()).isEqualTo(id));
	}

	@Test
	void everyMessageIsPostedWithItsNumberSideAndAuthor(Scenario scenario) {
		VisitorIdentity visitor = visitor();
		long id = start(visitor);
		scenario.stimulate(() -> this.chat.sendAsVisitor(visitor, id, "v-1", "Hello"))
			.andWaitForEventOfType(MessagePosted.class)
			.matching((posted) -> posted.conversationId() == id)
			.toArriveAndVerify((posted, sent) -> {
				assertThat(posted.seq()).isEqualTo(sent.message().seq());
				assertThat(posted.messageId()).isEqualTo(sent.message().id());
				assertThat(posted.side()).isEqualTo(Side.VISITOR);
				assertThat(posted.authorId()).isEqualTo(visitor.visitorId());
				assertThat(posted.kind()).isEqualTo(MessageKind.TEXT);
			});
	}

	@Test
	void takingTransferringClosingRatingAndReopeningAreEachAnnounced(Scenario scenario) {
		VisitorIdentity visitor = visitor();
		long id = start(visitor);
		StaffActor first = agent();
		StaffActor second = agent();
		scenario.stimulate(() -> this.lifecycle.assign(first, id))
			.andWaitForEventOfType(ConversationAssigned.class)
			.matching((assigned) -> assigned.conversationId() == id)
			.toArriveAndVerify((assigned) -> assertThat(assigned.agentId()).isEqualTo(first.id()));
		scenario.stimulate(() -> this.lifecycle.transfer(first, id, second.id(), null, "VIP, be nice"))
			.andWaitForEventOfType(ConversationTransferred.class)
			.matching((transferred) -> transferred.conversationId() == id)
			.toArriveAndVerify((transferred) -> {
				assertThat(transferred.fromAgentId()).isEqualTo(first.id());
				assertThat(transferred.toAgentId()).isEqualTo(second.id());
				assertThat(transferred.byUserId()).isEqualTo(first.id());
				assertThat(transferred.noteId()).isNotNull();
			});
		scenario.stimulate(() -> this.lifecycle.closeByStaff(second, id))
			.andWaitForEventOfType(ConversationClosed.class)
			.matching((closed) -> closed.conversationId() == id)
			.toArriveAndVerify((closed) -> {
				assertThat(closed.closedBy()).isEqualTo(ClosedBy.AGENT);
				assertThat(closed.closedByUserId()).isEqualTo(second.id());
				assertThat(closed.assigneeId()).isEqualTo(second.id());
			});
		scenario.stimulate(() -> this.ratings.rate(visitor, id, 4, "Quick"))
			.andWaitForEventOfType(ConversationRated.class)
			.matching((rated) -> rated.conversationId() == id)
			.toArriveAndVerify((rated) -> {
				assertThat(rated.score()).isEqualTo(4);
				assertThat(rated.commented()).isTrue();
				assertThat(rated.assigneeId()).isEqualTo(second.id());
			});
		scenario.stimulate(() -> this.chat.sendAsVisitor(visitor, id, "v-again", "One more thing"))
			.andWaitForEventOfType(ConversationReopened.class)
			.matching((reopened) -> reopened.conversationId() == id)
			.toArriveAndVerify((reopened) -> {
				assertThat(reopened.status()).isEqualTo(ConversationStatus.ASSIGNED);
				assertThat(reopened.assigneeId()).isEqualTo(second.id());
			});
	}

	@Test
	void snoozingAndEverySnoozesEndAreAnnounced(Scenario scenario) {
		VisitorIdentity visitor = visitor();
		long id = start(visitor);
		StaffActor agent = agent();
		this.lifecycle.assign(agent, id);
		scenario.stimulate(() -> this.snoozes.snooze(agent, id, null, "customer_reply"))
			.andWaitForEventOfType(ConversationSnoozed.class)
			.matching((snoozed) -> snoozed.conversationId() == id)
			.toArriveAndVerify((snoozed) -> {
				assertThat(snoozed.assigneeId()).isEqualTo(agent.id());
				assertThat(snoozed.untilReply()).isTrue();
				assertThat(snoozed.until()).isNull();
			});
		scenario.stimulate(() -> this.chat.sendAsVisitor(visitor, id, "v-wake", "Still there?"))
			.andWaitForEventOfType(ConversationUnsnoozed.class)
			.matching((woke) -> woke.conversationId() == id)
			.toArriveAndVerify((woke) -> {
				assertThat(woke.reason()).isEqualTo(SnoozeEnd.CUSTOMER_REPLY);
				assertThat(woke.assigneeId()).isEqualTo(agent.id());
			});
		this.snoozes.snooze(agent, id, null, "hour");
		scenario.stimulate(() -> this.snoozes.unsnooze(agent, id))
			.andWaitForEventOfType(ConversationUnsnoozed.class)
			.matching((woke) -> woke.conversationId() == id && woke.reason() == SnoozeEnd.AGENT)
			.toArrive();
		this.snoozes.snooze(agent, id, null, "tomorrow");
		scenario.stimulate(() -> this.lifecycle.closeByStaff(agent, id))
			.andWaitForEventOfType(ConversationUnsnoozed.class)
			.matching((woke) -> woke.conversationId() == id && woke.reason() == SnoozeEnd.CLOSED)
			.toArrive();
	}

	@Test
	void aTransferToAGroupPutsTheConversationBackInThatQueue(Scenario scenario) {
		VisitorIdentity visitor = visitor();
		long id = start(visitor);
		StaffActor agent = agent();
		this.lifecycle.assign(agent, id);
		scenario.stimulate(() -> this.lifecycle.transfer(agent, id, null, Stubs.GROUP, null))
			.andWaitForEventOfType(ConversationWaiting.class)
			.matching((waiting) -> waiting.conversationId() == id && waiting.groupId() != null)
			.toArriveAndVerify((waiting) -> assertThat(waiting.groupId()).isEqualTo(Stubs.GROUP));
	}

	@Test
	void aNoteTellsWhomItMentions(Scenario scenario) {
		long id = start(visitor());
		StaffActor agent = agent();
		StaffActor colleague = agent();
		this.lifecycle.assign(agent, id);
		scenario.stimulate(() -> this.notes.add(agent, id, "@" + colleague.username() + " can you check this?"))
			.andWaitForEventOfType(NoteAdded.class)
			.matching((note) -> note.conversationId() == id)
			.toArriveAndVerify((note, view) -> {
				assertThat(note.noteId()).isEqualTo(view.id());
				assertThat(note.authorId()).isEqualTo(agent.id());
				assertThat(note.mentionedUserIds()).containsExactly(colleague.id());
			});
	}

	@Test
	void aMessageLeftOutsideHoursIsAnnouncedOnceWithTheWayToAnswer(Scenario scenario) {
		VisitorIdentity visitor = visitor();
		VisitorSessions.LeftMessage form = new VisitorSessions.LeftMessage("left-1", "Ann", "ann@example.com", null,
				"Call me back", null);
		scenario.stimulate(() -> this.sessions.leaveMessage(visitor, form))
			.andWaitForEventOfType(MessageLeft.class)
			.matching((left) -> left.visitorId() == visitor.visitorId())
			.toArriveAndVerify((left, result) -> {
				assertThat(left.conversationId()).isEqualTo(result.conversation().id());
				assertThat(left.toString()).as("the stored publication holds no address").doesNotContain("@");
				assertThat(this.mail.contact(left.conversationId()).orElseThrow().email()).isEqualTo("ann@example.com");
			});
		VisitorSessions.Left again = this.sessions.leaveMessage(visitor, form);
		assertThat(again.duplicate()).isTrue();
	}

	@Test
	void thePrechatQuestionIsPostedAsTheConversationsFirstMessage(Scenario scenario) {
		VisitorIdentity visitor = visitor();
		VisitorSessions.Prechat form = new VisitorSessions.Prechat(null, null, null, "Where is my order?", null, "q-1");
		scenario.stimulate(() -> this.sessions.startConversation(visitor, form))
			.andWaitForEventOfType(MessagePosted.class)
			.matching((posted) -> posted.authorId() != null && posted.authorId() == visitor.visitorId())
			.toArriveAndVerify((posted, started) -> {
				assertThat(posted.conversationId()).isEqualTo(started.conversation().id());
				assertThat(posted.seq()).isEqualTo(1);
				assertThat(posted.side()).isEqualTo(Side.VISITOR);
				assertThat(posted.kind()).isEqualTo(MessageKind.TEXT);
			});
	}

	private VisitorIdentity visitor() {
		Channel channel = this.channels.create("website", new Channels.Settings("Events " + UUID.randomUUID(),
				List.of("*"), null, "#0b6efd", false, List.of(), true, List.of(), null), "test");
		VisitorSessions.Session session = this.sessions.arrive(channel.key(),
				new VisitorSessions.Arrival(null, null, null, "Ann", null, null, "en", null, null, null, null),
				new VisitorSessions.Origin("127.0.0.1", "test"));
		return this.tokens.verify(session.token()).orElseThrow();
	}

	private long start(VisitorIdentity visitor) {
		return this.sessions.startConversation(visitor, null).conversation().id();
	}

	private StaffActor agent() {
		String username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
		long role = this.roles.findByName("agent").orElseThrow().id();
		StaffUser user = this.users.create(new UserAdministration.NewUser(username, "Agent " + username, null, null,
				role, "Agent-Passw0rd!-x9", true), false, "test");
		return new StaffActor(user.id(), user.username(), user.displayName(), EnumSet.of(Permission.CONVERSATION_VIEW,
				Permission.CONVERSATION_REPLY, Permission.CONVERSATION_TRANSFER));
	}

	/** What the agents module provides in the whole application. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Stubs {

		static final long GROUP = 4242;

		@Bean
		GroupDirectory groupDirectory() {
			return new GroupDirectory() {

				@Override
				public Optional<Long> groupOfChannel(long channelId) {
					return Optional.empty();
				}

				@Override
				public Map<Long, Hours> hours(Collection<Long> groupIds) {
					Map<Long, Hours> open = new HashMap<>();
					groupIds.forEach((id) -> open.put(id, Hours.ALWAYS));
					return open;
				}

				@Override
				public Optional<String> name(long groupId) {
					return (groupId == GROUP) ? Optional.of("Billing") : Optional.empty();
				}

				@Override
				public java.util.List<Long> groupsOf(long userId) {
					return java.util.List.of();
				}

			};
		}

		@Bean
		AgentAvailability agentAvailability() {
			return (groupId) -> AgentAvailability.Availability.AVAILABLE;
		}

		@Bean
		PublicNames publicNames(StaffDirectory staff) {
			return staff::displayNames;
		}

	}

}
