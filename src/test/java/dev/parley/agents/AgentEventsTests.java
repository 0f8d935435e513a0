package dev.parley.agents;

import java.util.List;
import java.util.UUID;

import dev.parley.agents.internal.Agents;
import dev.parley.conversations.ConversationAssigned;
import dev.parley.conversations.internal.Channel;
import dev.parley.conversations.internal.Channels;
import dev.parley.conversations.internal.VisitorSessions;
import dev.parley.conversations.internal.VisitorTokens;
import dev.parley.identity.internal.RoleRepository;
import dev.parley.identity.internal.UserAdministration;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module events of agents, and routing as a listener of live chat's events: an agent
 * coming online is announced, and a conversation that starts waiting is handed to an
 * available agent by the router reacting to {@code ConversationWaiting}.
 */
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(dev.parley.conversations.CustomerLinksStub.class)
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
class AgentEventsTests {

	@Autowired
	Agents agents;

	@Autowired
	UserAdministration users;

	@Autowired
	RoleRepository roles;

	@Autowired
	Channels channels;

	@Autowired
	VisitorSessions sessions;

	@Autowired
	VisitorTokens tokens;

	@Test
	void anAgentComingOnlineIsAnnouncedWithTheStatusBefore(Scenario scenario) {
		long agent = agent();
		scenario.stimulate(() -> this.agents.setStatus(agent, "online"))
			.andWaitForEventOfType(AgentStatusChanged.class)
			.matching((changed) -> changed.userId() == agent)
			.toArriveAndVerify((changed) -> {
				assertThat(changed.previous()).isEqualTo(AgentStatus.OFFLINE);
				assertThat(changed.status()).isEqualTo(AgentStatus.ONLINE);
			});
		scenario.stimulate(() -> this.agents.update(agent, "Lily", List.of("en"), List.of(), 3, null))
			.andWaitForEventOfType(AgentProfileChanged.class)
			.matching((changed) -> changed.userId() == agent)
			.toArriveAndVerify((changed) -> assertThat(changed.capacity()).isEqualTo(3));
		// no longer available for the other tests' conversations
		this.agents.setStatus(agent, "offline");
	}

	@Test
	void theRouterHandsAWaitingConversationToAnAvailableAgent(Scenario scenario) {
		long agent = agent();
		this.agents.setStatus(agent, "online");
		Channel channel = this.channels.create("api", new Channels.Settings("Route " + UUID.randomUUID(), List.of("*"),
				null, "#0b6efd", false, List.of(), true, List.of(), null), "test");
		VisitorSessions.Session session = this.sessions.arrive(channel.key(),
				new VisitorSessions.Arrival(null, null, null, null, null, null, null, null, null, null, null),
				new VisitorSessions.Origin("127.0.0.1", "test"));
		scenario
			.stimulate(() -> this.sessions.startConversation(this.tokens.verify(session.token()).orElseThrow(), null)
				.conversation()
				.id())
			.andWaitForEventOfType(ConversationAssigned.class)
			.matching((assigned) -> assigned.channelId() == channel.id())
			.toArriveAndVerify((assigned, id) -> {
				assertThat(assigned.conversationId()).isEqualTo(id);
				assertThat(assigned.agentId()).isEqualTo(agent);
			});
	}

	private long agent() {
		String username = "agent-" + UUID.randomUUID().toString().substring(0, 8);
		long role = this.roles.findByName("agent").orElseThrow().id();
		return this.users
			.create(new UserAdministration.NewUser(username, "Agent " + username, null, null, role,
					"Agent-Passw0rd!-x9", true), false, "test")
			.id();
	}

}
