package dev.parley.tickets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ticket list over HTTP: each filter and standard view, the search (Chinese words,
 * numbers, what was written on a ticket), what a reader may see, paging, bad input, saved
 * views, counts and bulk changes. Every list is narrowed to the test's own tag.
 */
class TicketListApiTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	private TicketFixtures fixtures() {
		return new TicketFixtures(this.jdbc, admin());
	}

	@Test
	void everyFilterAndStandardViewNarrowsTheList() {
		TicketFixtures f = fixtures();
		String tag = unique("f").toLowerCase();
		ApiClient agent = signedInAs("agent");
		long me = TicketFixtures.userId(agent);
		long group = f.group(unique("g"), List.of(me));
		long li = f.customer("Li");
		long wang = f.customer("Wang");
		long mine = id(f.ticket(agent, li, Map.of("tags", List.of(tag), "assigneeId", me, "priority", "HIGH")));
		long grouped = id(f.ticket(agent, wang, Map.of("tags", List.of(tag), "groupId", group, "type", "INCIDENT")));
		long free = id(f.ticket(agent, li, Map.of("tags", List.of(tag, "vip"), "priority", "LOW")));
		String list = "/api/v1/tickets?tag=" + tag + "&sort=number&order=asc";
		assertThat(ids(agent, list)).containsExactly(mine, grouped, free);
		assertThat(ids(agent, list + "&priority=high,low")).containsExactly(mine, free);
		assertThat(ids(agent, list + "&type=incident")).containsExactly(grouped);
		assertThat(ids(agent, list + "&assignee=" + me)).containsExactly(mine);
		assertThat(ids(agent, list + "&assignee=me")).containsExactly(mine);
		assertThat(ids(agent, list + "&assignee=none")).containsExactly(grouped, free);
		assertThat(ids(agent, list + "&group=" + group)).containsExactly(grouped);
		assertThat(ids(agent, list + "&group=none")).containsExactly(mine, free);
		assertThat(ids(agent, list + "&customer=" + li)).containsExactly(mine, free);
		assertThat(ids(agent, list + "&tag=vip")).containsExactly(free);
		assertThat(ids(agent, list + "&status=new")).containsExactly(mine, grouped, free);
		assertThat(ids(agent, list + "&status=solved")).isEmpty();
		assertThat(ids(agent, list + "&view=mine")).containsExactly(mine);
		assertThat(ids(agent, list + "&view=unassigned")).containsExactly(grouped, free);
		assertThat(ids(agent, list + "&view=my_groups")).containsExactly(grouped);
		assertThat(ids(agent, list + "&view=all")).containsExactly(mine, grouped, free);

		// a category and a custom field, as the administration of fields writes them
		long category = insert("INSERT INTO ticket_category (name, position, created_at) VALUES (?, 0, 0)",
				unique("Billing"));
		this.jdbc.sql("UPDATE ticket SET category_id = ? WHERE id = ?").params(category, grouped).update();
		assertThat(ids(agent, list + "&category=" + category)).containsExactly(grouped);
		String key = unique("order").replace("-", "_");
		long field = insert("INSERT INTO ticket_field (field_key, label, type, required, position, created_at) "
				+ "VALUES (?, 'Order', 'TEXT', FALSE, 0, 0)", key);
		this.jdbc.sql("INSERT INTO ticket_field_value (ticket_id, field_id, text_value) VALUES (?, ?, ?)")
			.params(free, field, "A-1001")
			.update();
		assertThat(ids(agent, list + "&field." + key + "=A-1001")).containsExactly(free);
		assertThat(ids(agent, list + "&field." + key + "=A-1002")).isEmpty();

		// dates: created now, updated later
		String now = this.clock.instant().toString();
		String hourAgo = this.clock.instant().minus(Duration.ofHours(1)).toString();
		assertThat(ids(agent, list + "&createdFrom=" + hourAgo + "&createdTo=" + now)).isEmpty();
		assertThat(ids(agent, list + "&createdFrom=" + hourAgo)).containsExactly(mine, grouped, free);
		this.clock.advance(Duration.ofMinutes(5));
		patch(agent, free, Map.of("subject", "Changed"));
		String later = this.clock.instant().minus(Duration.ofMinutes(1)).toString();
		assertThat(ids(agent, list + "&updatedFrom=" + later)).containsExactly(free);
		assertThat(ids(agent, list + "&updatedTo=" + later)).containsExactly(mine, grouped);

		// pending, overdue (the SLA's due time passed), due soon (within
		// tickets.dueSoonMinutes)
		patch(agent, mine, Map.of("status", "PENDING"));
		assertThat(ids(agent, list + "&view=pending")).containsExactly(mine);
		long at = this.clock.millis();
		this.jdbc.sql("UPDATE ticket SET sla_due_at = ? WHERE id = ?").params(at - 1000, grouped).update();
		this.jdbc.sql("UPDATE ticket SET sla_due_at = ? WHERE id = ?").params(at + 30 * 60_000, mine).update();
		this.jdbc.sql("UPDATE ticket SET sla_due_at = ? WHERE id = ?").params(at + 3 * 3600_000, free).update();
		assertThat(ids(agent, list + "&view=overdue")).containsExactly(grouped);
		assertThat(ids(agent, list + "&view=due_soon")).containsExactly(mine);
		this.clock.advance(Duration.ofHours(2).plusMinutes(30));
		assertThat(ids(agent, list + "&view=overdue")).containsExactly(mine, grouped);
		assertThat(ids(agent, list + "&view=due_soon")).containsExactly(free);
		assertThat(ids(agent, "/api/v1/tickets?tag=" + tag + "&view=due_soon&sort=sla_due")).containsExactly(free);
	}

	@Test
	void theSearchFindsChineseWordsNumbersAndWhatWasWrittenOnTheTicket() {
		TicketFixtures f = fixtures();
		String tag = unique("s").toLowerCase();
		ApiClient agent = signedInAs("agent");
		long customer = f.customer("王芳");
		JsonNode refund = f.ticket(agent, customer, Map.of("subject", "申请退款", "tags", List.of(tag)));
		long other = id(f.ticket(agent, customer, Map.of("subject", "Printer jammed", "tags", List.of(tag))));
		String list = "/api/v1/tickets?tag=" + tag + "&q=";
		assertThat(ids(agent, list + q("退款"))).containsExactly(id(refund));
		assertThat(ids(agent, list + q("printer"))).containsExactly(other);
		assertThat(ids(agent, list + q("print"))).containsExactly(other);
		assertThat(ids(agent, list + q("发票"))).isEmpty();
		assertThat(agent.post("/api/v1/tickets/" + other + "/articles", Map.of("kind", "REPLY", "body", "请提供发票号码"))
			.status()).isEqualTo(201);
		assertThat(agent.post("/api/v1/tickets/" + other + "/articles", Map.of("kind", "NOTE", "body", "Courier DHL"))
			.status()).isEqualTo(201);
		assertThat(ids(agent, list + q("发票"))).containsExactly(other);
		assertThat(ids(agent, list + q("dhl"))).containsExactly(other);
		assertThat(ids(agent, list + q("printer dhl"))).containsExactly(other);
		assertThat(ids(agent, list + q("printer 退款"))).isEmpty();
		// the number as said on the phone, and its digits
		String number = refund.path("number").asString();
		assertThat(ids(agent, list + q(number.toLowerCase()))).containsExactly(id(refund));
		assertThat(ids(agent, list + q(number.substring(number.lastIndexOf('-') + 1)))).containsExactly(id(refund));
		// a new subject: found by it, no longer by the old one
		patch(agent, id(refund), Map.of("subject", "Invoice wrong"));
		assertThat(ids(agent, list + q("退款"))).isEmpty();
		assertThat(ids(agent, list + q("invoice"))).containsExactly(id(refund));
	}

	@Test
	void aReaderSeesOnlyWhatHeMayOpenInEveryView() {
		TicketFixtures f = fixtures();
		String tag = unique("v").toLowerCase();
		ApiClient inside = signedInAs("agent");
		ApiClient outside = signedInAs("agent");
		long group = f.group(unique("g"), List.of(TicketFixtures.userId(inside)));
		long customer = f.customer("Zhou");
		ApiClient supervisor = signedInAs("supervisor");
		long theirs = id(f.ticket(supervisor, customer, Map.of("tags", List.of(tag), "groupId", group)));
		long complaint = id(f.ticket(supervisor, customer, Map.of("tags", List.of(tag), "type", "COMPLAINT")));
		for (String view : List.of("mine", "unassigned", "my_groups", "overdue", "due_soon", "pending", "all")) {
			assertThat(ids(outside, "/api/v1/tickets?tag=" + tag + "&view=" + view)).doesNotContain(theirs);
		}
		assertThat(ids(inside, "/api/v1/tickets?tag=" + tag + "&view=my_groups")).containsExactly(theirs);
		assertThat(ids(outside, "/api/v1/tickets?tag=" + tag)).containsExactly(complaint);
		assertThat(ids(supervisor, "/api/v1/tickets?tag=" + tag + "&sort=number")).containsExactly(complaint, theirs);

		// a role with ticket.view but not complaint.handle
		String role = unique("viewer");
		assertThat(admin().post("/api/v1/roles", Map.of("name", role, "permissions", List.of("ticket.view"))).status())
			.isEqualTo(201);
		ApiClient viewer = signedInAs(role);
		assertThat(ids(viewer, "/api/v1/tickets?tag=" + tag)).isEmpty();
		assertThat(viewer.get("/api/v1/tickets/" + complaint).status()).isEqualTo(404);
		// without ticket.view: no list at all
		String none = unique("none");
		assertThat(
				admin().post("/api/v1/roles", Map.of("name", none, "permissions", List.of("customer.view"))).status())
			.isEqualTo(201);
		assertThat(signedInAs(none).get("/api/v1/tickets").status()).isEqualTo(403);
		assertThat(signedInAs(none).get("/api/v1/tickets/counts").status()).isEqualTo(403);
	}

	@Test
	void pagesFollowOneAnotherWithoutRepeatsAndBadInputIsRefused() {
		TicketFixtures f = fixtures();
		String tag = unique("p").toLowerCase();
		ApiClient agent = signedInAs("agent");
		long customer = f.customer("Sun");
		List<Long> made = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			made.add(id(f.ticket(agent, customer, Map.of("tags", List.of(tag)))));
		}
		for (String sort : List.of("updated", "created", "priority", "sla_due", "number")) {
			List<Long> seen = new ArrayList<>();
			String cursor = null;
			do {
				JsonNode page = agent
					.get("/api/v1/tickets?tag=" + tag + "&limit=2&sort=" + sort
							+ ((cursor != null) ? "&cursor=" + cursor : ""))
					.json();
				page.path("items").forEach((item) -> seen.add(item.path("id").asLong()));
				cursor = page.path("next").isNull() ? null : page.path("next").asString();
			}
			while (cursor != null);
			assertThat(seen).as(sort).hasSize(5).containsExactlyInAnyOrderElementsOf(made);
		}
		JsonNode first = agent.get("/api/v1/tickets?tag=" + tag + "&limit=2").json();
		JsonNode item = first.path("items").get(0);
		assertThat(item.path("customer").path("name").asString()).isEqualTo("Sun");
		assertThat(item.path("number").asString()).startsWith("T-");
		assertThat(item.path("tags").toString()).contains(tag);
		String next = first.path("next").asString();
		for (String bad : List.of("view=everything", "status=lost", "priority=huge", "sort=colour", "order=up",
				"cursor=not-a-cursor", "cursor=" + next + "&sort=created", "assignee=someone", "field.nosuchkey=1",
				"createdFrom=yesterday", "limit=0", "limit=1000", "colour=red", "q=" + q("!?"))) {
			ApiClient.Response refused = agent.get("/api/v1/tickets?tag=" + tag + "&" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.code()).as(bad).isEqualTo("validation_failed");
		}
	}

	@Test
	void savedViewsArePersonalOrSharedWithTicketManageAndABadFilterIsRefused() {
		ApiClient agent = signedInAs("agent");
		ApiClient colleague = signedInAs("agent");
		ApiClient admin = admin();
		ApiClient.Response made = agent.post("/api/v1/ticket-views",
				Map.of("name", "My urgent", "filter", Map.of("view", "mine", "priority", List.of("urgent", "high"))));
		assertThat(made.status()).as(made.toString()).isEqualTo(201);
		long id = made.json().path("id").asLong();
		assertThat(made.json().path("shared").asBoolean()).isFalse();
		assertThat(agent.get("/api/v1/ticket-views").json().path("items").findValuesAsString("name"))
			.contains("My urgent");
		assertThat(colleague.get("/api/v1/ticket-views").json().path("items").findValuesAsString("name"))
			.doesNotContain("My urgent");
		assertThat(colleague.send("PATCH", "/api/v1/ticket-views/" + id, Map.of("name", "Mine now"), "application/json")
			.status()).isEqualTo(404);
		JsonNode renamed = agent
			.send("PATCH", "/api/v1/ticket-views/" + id, Map.of("name", "Urgent ones"), "application/json")
			.json();
		assertThat(renamed.path("name").asString()).isEqualTo("Urgent ones");
		assertThat(renamed.path("filter").path("view").asString()).isEqualTo("mine");
		// refused: a filter that does not parse, sharing without ticket.manage
		for (Map<String, Object> bad : List.of(Map.of("name", "x", "filter", Map.of("status", "lost")),
				Map.<String, Object>of("name", "x", "filter", Map.of("colour", "red")),
				Map.<String, Object>of("name", "x", "filter", Map.of("sort", "colour")),
				Map.<String, Object>of("name", "x", "filter", "view=mine"), Map.<String, Object>of("name", " "))) {
			assertThat(agent.post("/api/v1/ticket-views", bad).status()).as(bad.toString()).isEqualTo(400);
		}
		assertThat(
				agent.post("/api/v1/ticket-views", Map.of("name", "Team", "filter", Map.of(), "shared", true)).status())
			.isEqualTo(403);
		assertThat(
				agent.send("PATCH", "/api/v1/ticket-views/" + id, Map.of("shared", true), "application/json").status())
			.isEqualTo(403);
		String sharedName = unique("Team");
		ApiClient.Response shared = admin.post("/api/v1/ticket-views",
				Map.of("name", sharedName, "filter", Map.of("view", "unassigned"), "shared", true));
		assertThat(shared.status()).isEqualTo(201);
		long sharedId = shared.json().path("id").asLong();
		assertThat(colleague.get("/api/v1/ticket-views").json().path("items").findValuesAsString("name"))
			.contains(sharedName);
		assertThat(colleague.delete("/api/v1/ticket-views/" + sharedId).status()).isEqualTo(403);
		// counts: every standard view and each of his saved views
		JsonNode counts = agent.get("/api/v1/tickets/counts").json();
		for (String view : List.of("mine", "unassigned", "my_groups", "overdue", "due_soon", "pending")) {
			assertThat(counts.has(view)).as(view).isTrue();
		}
		assertThat(counts.path("views").has(Long.toString(id))).isTrue();
		assertThat(counts.path("views").has(Long.toString(sharedId))).isTrue();
		assertThat(agent.delete("/api/v1/ticket-views/" + id).status()).isEqualTo(204);
		assertThat(agent.get("/api/v1/ticket-views").json().path("items").findValuesAsString("name"))
			.doesNotContain("Urgent ones");
		assertThat(admin.delete("/api/v1/ticket-views/" + sharedId).status()).isEqualTo(204);
	}

	@Test
	void countsFollowTheViews() {
		TicketFixtures f = fixtures();
		ApiClient agent = signedInAs("agent");
		long me = TicketFixtures.userId(agent);
		long customer = f.customer("Qian");
		assertThat(agent.get("/api/v1/tickets/counts").json().path("mine").asInt()).isZero();
		long mine = id(f.ticket(agent, customer, Map.of("assigneeId", me)));
		f.ticket(agent, customer, Map.of("assigneeId", me));
		assertThat(agent.get("/api/v1/tickets/counts").json().path("mine").asInt()).isEqualTo(2);
		patch(agent, mine, Map.of("status", "PENDING"));
		JsonNode counts = agent.get("/api/v1/tickets/counts").json();
		assertThat(counts.path("mine").asInt()).isEqualTo(2);
		assertThat(counts.path("pending").isNumber() || counts.path("pending").asString().equals("1000+")).isTrue();
	}

	@Test
	void bulkChangesEachTicketOnItsOwnAndSaysWhatBecameOfEach() {
		TicketFixtures f = fixtures();
		String tag = unique("b").toLowerCase();
		ApiClient agent = signedInAs("agent");
		ApiClient supervisor = signedInAs("supervisor");
		long customer = f.customer("Zhao");
		long one = id(f.ticket(agent, customer, Map.of("tags", List.of(tag))));
		long two = id(f.ticket(agent, customer, Map.of("tags", List.of(tag))));
		long closed = id(f.ticket(supervisor, customer, Map.of("tags", List.of(tag))));
		patch(supervisor, closed, Map.of("status", "CLOSED"));
		// an agent may not close (ticket.close): forbidden, nothing else undone
		Map<Long, String> outcomes = outcomes(
				agent.post("/api/v1/tickets/bulk", Map.of("ids", List.of(one, two, 99999999L), "action", "close")));
		assertThat(outcomes).containsEntry(one, "forbidden")
			.containsEntry(two, "forbidden")
			.containsEntry(99999999L, "not_found");
		// status: one moves; then back to new, which no ticket may, nor a closed one
		// change
		outcomes = outcomes(
				agent.post("/api/v1/tickets/bulk", Map.of("ids", List.of(one), "action", "status", "status", "OPEN")));
		assertThat(outcomes).containsEntry(one, "ok");
		assertThat(agent.get("/api/v1/tickets/" + one).json().path("status").asString()).isEqualTo("OPEN");
		outcomes = outcomes(supervisor.post("/api/v1/tickets/bulk",
				Map.of("ids", List.of(one, two, closed), "action", "status", "status", "PENDING")));
		assertThat(outcomes).containsEntry(one, "ok").containsEntry(two, "ok");
		assertThat(outcomes.get(closed)).isIn("invalid_transition", "conflict");
		outcomes = outcomes(
				agent.post("/api/v1/tickets/bulk", Map.of("ids", List.of(one), "action", "status", "status", "NEW")));
		assertThat(outcomes).containsEntry(one, "invalid_transition");
		assertThat(agent.get("/api/v1/tickets/" + one).json().path("status").asString()).isEqualTo("PENDING");
		// tags: added and removed on each; the closed one refuses
		outcomes = outcomes(supervisor.post("/api/v1/tickets/bulk",
				Map.of("ids", List.of(one, two, closed), "action", "tag", "add", List.of("billing"))));
		assertThat(outcomes).containsEntry(one, "ok").containsEntry(two, "ok").containsEntry(closed, "conflict");
		assertThat(ids(agent, "/api/v1/tickets?tag=" + tag + "&tag=billing&sort=number&order=asc")).containsExactly(one,
				two);
		// assign, by a supervisor
		long me = TicketFixtures.userId(supervisor);
		outcomes = outcomes(supervisor.post("/api/v1/tickets/bulk",
				Map.of("ids", List.of(one, two), "action", "assign", "assigneeId", me, "reason", "holiday")));
		assertThat(outcomes.values()).containsOnly("ok");
		assertThat(ids(supervisor, "/api/v1/tickets?tag=" + tag + "&assignee=" + me + "&sort=number&order=asc"))
			.containsExactly(one, two);
		// bad requests change nothing
		List<Long> many = new ArrayList<>();
		for (long i = 1; i <= 501; i++) {
			many.add(i);
		}
		for (Map<String, Object> bad : List.of(Map.<String, Object>of("ids", List.of(one), "action", "explode"),
				Map.<String, Object>of("ids", List.of(), "action", "close"),
				Map.<String, Object>of("ids", many, "action", "close"),
				Map.<String, Object>of("ids", List.of("x"), "action", "close"),
				Map.<String, Object>of("ids", List.of(one), "action", "status"),
				Map.<String, Object>of("ids", List.of(one), "action", "tag"))) {
			assertThat(supervisor.post("/api/v1/tickets/bulk", bad).status()).as(bad.toString()).isEqualTo(400);
		}
	}

	private Map<Long, String> outcomes(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		Map<Long, String> outcomes = new HashMap<>();
		response.json()
			.path("results")
			.forEach((r) -> outcomes.put(r.path("id").asLong(), r.path("outcome").asString()));
		return outcomes;
	}

	private long insert(String sql, Object... params) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(sql).params(params).update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	private static void patch(ApiClient as, long id, Map<String, Object> fields) {
		JsonNode now = as.get("/api/v1/tickets/" + id).json();
		Map<String, Object> body = new HashMap<>(fields);
		body.put("version", now.path("version").asInt());
		ApiClient.Response patched = as.send("PATCH", "/api/v1/tickets/" + id, body, "application/json");
		assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
	}

	private static List<Long> ids(ApiClient as, String path) {
		ApiClient.Response response = as.get(path);
		assertThat(response.status()).as(path + " " + response).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		Set<Long> unique = new HashSet<>();
		response.json().path("items").forEach((item) -> ids.add(item.path("id").asLong()));
		ids.forEach(unique::add);
		assertThat(unique).hasSameSizeAs(ids);
		return ids;
	}

	private static long id(JsonNode ticket) {
		return ticket.path("id").asLong();
	}

	private static String q(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
