package dev.parley.tickets;

import java.util.List;
import java.util.Map;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketArticle.ArticleKind;
import dev.parley.tickets.internal.TicketArticle.ArticleVia;
import dev.parley.tickets.internal.TicketArticles;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What staff are told of tickets: an assignment by someone else, a mention in a note (who
 * then follows the ticket and may open it), the requester's message to the assignee and
 * followers; never one's own doing.
 */
class TicketStaffNewsTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TicketArticles articles;

	private List<String> told(long userId, String template) {
		return this.jdbc.sql("SELECT idempotency_key FROM notification WHERE staff_user_id = ? AND template = ?")
			.params(userId, template)
			.query(String.class)
			.list();
	}

	@Test
	void theAssigneeTheMentionedAndTheFollowersAreToldAndNobodyOfHisOwnDoing() {
		TicketFixtures f = new TicketFixtures(this.jdbc, admin());
		String annName = unique("ann");
		createUser(annName, "agent");
		long ann = this.jdbc.sql("SELECT id FROM staff_user WHERE username = ?")
			.param(annName)
			.query(Long.class)
			.single();
		ApiClient bob = signedInAs("agent");
		long bobId = TicketFixtures.userId(bob);
		long group = f.group(unique("Billing"), List.of(bobId));
		ApiClient supervisor = signedInAs("supervisor");
		long customer = f.customer("Lin");
		JsonNode t = f.ticket(supervisor, customer, Map.of("groupId", group));
		long id = t.path("id").asLong();

		// bob takes it himself: nobody is told; the supervisor gives it to ann: she is
		bob.send("PATCH", "/api/v1/tickets/" + id, Map.of("version", t.path("version").asInt(), "assigneeId", bobId),
				"application/json");
		assertThat(told(bobId, "ticket-assigned")).isEmpty();
		JsonNode now = supervisor.get("/api/v1/tickets/" + id).json();
		ApiClient.Response moved = supervisor.send(
				"PATCH", "/api/v1/tickets/" + id, Map.of("version", now.path("version").asInt(), "groupId",
						f.group(unique("Refunds"), List.of(ann)), "assigneeId", ann, "reason", "Refund team"),
				"application/json");
		assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
		assertThat(told(ann, "ticket-assigned")).hasSize(1);

		// bob mentions ann and himself: ann is told once, bob not; bob cannot see it any
		// more,
		// so the supervisor writes the note
		supervisor.post("/api/v1/tickets/" + id + "/articles",
				Map.of("kind", "NOTE", "body", "@" + annName.toUpperCase() + " please check. @" + annName + "."));
		assertThat(told(ann, "ticket-mention")).hasSize(1);
		assertThat(supervisor.get("/api/v1/tickets/" + id).json().path("followers").findValuesAsString("name"))
			.containsExactly("User " + annName);

		// the requester writes: the assignee (ann, who also follows) is told once
		this.articles.write(id,
				new TicketArticles.Draft(ArticleKind.CUSTOMER, ArticleVia.PORTAL, "Any news?", null, false, null, null),
				TicketActor.customer(customer));
		assertThat(told(ann, "ticket-updated")).hasSize(1);
		assertThat(told(bobId, "ticket-updated")).isEmpty();
	}

}
