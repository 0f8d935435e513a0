package dev.parley.tickets.internal.query;

import java.util.ArrayList;
import java.util.Collections;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.Settings;

import dev.parley.platform.Permission;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.query.TicketFilter.Condition;
import dev.parley.tickets.internal.query.TicketSort.Cursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The ticket list's SQL on every supported database: keyset pages in each order with
 * equal and empty keys (engines put NULLs in different places), the reader's visibility
 * as SQL, search terms as sets read by id or probed per ticket, capped counts.
 */
@Transactional
abstract class TicketQueryContract {

	/** Staff ids of the test (no staff rows needed: the list only compares them). */
	static final long ME = 900_001;

	static final long OTHER = 900_002;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	TicketQuery query;

	List<Long> ids = new ArrayList<>();

	/** The tickets of this test only. */
	Condition mine;

	long myGroup = 800_001;

	long otherGroup = 800_002;

	@BeforeEach
	void tickets() {
		this.query = new TicketQuery(this.jdbc, this.dataSource);
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO customer (name, first_seen_at, last_seen_at, conversation_count, created_at, "
					+ "updated_at, version) VALUES ('王芳', 1, 1, 0, 1, 1, 0)")
			.update(keys, "id");
		long customer = keys.getKeyAs(Number.class).longValue();
		String tag = "t" + System.nanoTime();
		// 0: mine; 1: my group; 2: no group; 3: other group, followed; 4: other group;
		// 5: other group, a complaint assigned to me; 6: other group
		Long[] groups = { this.otherGroup, this.myGroup, null, this.otherGroup, this.otherGroup, this.otherGroup,
				this.otherGroup };
		Long[] assignees = { ME, null, null, OTHER, OTHER, ME, null };
		for (int i = 0; i < 7; i++) {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			this.jdbc
				.sql("INSERT INTO ticket (number, subject, customer_id, origin, type, priority, status, group_id, "
						+ "assignee_id, sla_due_at, created_at, updated_at, created_by, version) "
						+ "VALUES (?, 'x', ?, 'AGENT', ?, ?, ?, ?, ?, ?, ?, 5000, 'test', 0)")
				.params("N-" + System.nanoTime() + "-" + i, customer, (i == 5) ? "COMPLAINT" : "QUESTION", 1 + i % 3,
						(i == 6) ? "CLOSED" : "OPEN", groups[i], assignees[i], (i % 2 == 1) ? 7000L + i % 3 : null,
						1000L + i)
				.update(key, "id");
			long id = key.getKeyAs(Number.class).longValue();
			this.ids.add(id);
			this.jdbc.sql("INSERT INTO ticket_tag (ticket_id, tag) VALUES (?, ?)").params(id, tag).update();
		}
		this.jdbc.sql("INSERT INTO ticket_follower (ticket_id, user_id) VALUES (?, ?)").params(id(3), ME).update();
		term("alexander", 0);
		term("alex", 1);
		term("alez", 2);
		term("退款", 3);
		term("退款", 4);
		this.mine = Condition.set("ticket_tag WHERE tag = ?", List.of(tag));
	}

	private void term(String term, int ticket) {
		this.jdbc.sql("INSERT INTO ticket_term (term, ticket_id) VALUES (?, ?)").params(term, id(ticket)).update();
	}

	@Test
	void pagesInEveryOrderWithEqualAndEmptyKeysNeitherRepeatNorSkip() {
		List<Long> descending = new ArrayList<>(this.ids);
		Collections.reverse(descending);
		// equal keys: every ticket was updated at 5000, the id breaks the tie
		assertThat(pages(TicketSort.UPDATED, true, 2)).containsExactlyElementsOf(descending);
		assertThat(pages(TicketSort.CREATED, false, 3)).containsExactlyElementsOf(this.ids);
		assertThat(pages(TicketSort.NUMBER, true, 4)).containsExactlyElementsOf(descending);
		// priority 1 + i % 3
		assertThat(pages(TicketSort.PRIORITY, true, 2)).containsExactly(id(5), id(2), id(4), id(1), id(6), id(3),
				id(0));
		// sla due 7000 + i % 3 for odd i (1: 7001, 3: 7000, 5: 7002), none for the others
		assertThat(pages(TicketSort.SLA_DUE, false, 2)).containsExactly(id(3), id(1), id(5), id(0), id(2), id(4),
				id(6));
		assertThat(pages(TicketSort.SLA_DUE, true, 2)).containsExactly(id(5), id(1), id(3), id(6), id(4), id(2), id(0));
	}

	@Test
	void aReaderSeesInSqlWhatTicketAccessLetsHimOpen() {
		TicketActor agent = actor(Permission.TICKET_VIEW, Permission.COMPLAINT_HANDLE);
		assertThat(visible(agent)).containsExactly(id(0), id(1), id(2), id(3), id(5));
		TicketActor noComplaints = actor(Permission.TICKET_VIEW);
		assertThat(visible(noComplaints)).containsExactly(id(0), id(1), id(2), id(3));
		TicketActor supervisor = actor(Permission.TICKET_VIEW, Permission.TICKET_VIEW_ALL);
		assertThat(visible(supervisor)).containsExactly(id(0), id(1), id(2), id(3), id(4), id(6));
		assertThat(visible(actor())).isEmpty();
	}

	@Test
	void aWordPrefixIsARangeOfTheTermsAndChineseWordsMatchExactly() {
		Condition alex = Condition.set("ticket_term WHERE term >= ? AND term < ? AND term LIKE ? ESCAPE '!'",
				List.of("alex", TicketFilterParser.upper("alex"), "alex%"));
		Condition refund = Condition.set("ticket_term WHERE term = ?", List.of("退款"));
		for (TicketQuery q : List.of(this.query, query(1), query(0))) {
			assertThat(ids(q, filter(alex))).containsExactly(id(0), id(1));
			assertThat(ids(q, filter(refund))).containsExactly(id(3), id(4));
			assertThat(ids(q, filter(alex, refund))).isEmpty();
		}
		// driven by the ids of the smallest set, the others probed per ticket
		TicketQuery.Plan driven = this.query.plan(filter(alex));
		assertThat(driven.driven()).isEqualTo(2);
		assertThat(driven.filter().where())
			.containsPattern("t\\.id (IN \\(\\?, \\?, \\?|IN \\(\\d+, \\d+\\)|= ANY\\(\\?\\))")
			.contains("LIMIT 1) = 1");
		// a set larger than the cap: walked, every set probed
		TicketQuery.Plan walked = query(1).plan(filter(alex));
		assertThat(walked.driven()).isZero();
		assertThat(walked.filter().where()).doesNotContain("t.id IN (").contains("LIMIT 1) = 1");
		assertThat(this.query.plan(filter(Condition.set("ticket_term WHERE term = ?", List.of("nothing")))).none())
			.isTrue();
	}

	@Test
	void aViewsOwnTicketsDriveItsPagesInEveryOrderAsTheWalkDoes() {
		TicketActor agent = actor(Permission.TICKET_VIEW, Permission.COMPLAINT_HANDLE);
		Settings settings = mock(Settings.class);
		when(settings.getInt(TicketView.DUE_SOON_SETTING)).thenReturn(60);
		TicketFilterParser parser = new TicketFilterParser(this.jdbc, null, settings, null, null);
		// overdue at 7002: the SLA due times 7000 (3) and 7001 (1)
		Map<String, List<Long>> expected = Map.of("mine", List.of(id(0), id(5)), "unassigned", List.of(id(1), id(2)),
				"my_groups", List.of(id(1)), "overdue", List.of(id(1), id(3)), "pending", List.of());
		expected.forEach((view, ids) -> {
			List<Condition> conditions = new ArrayList<>(
					parser.view(view, false, agent, List.of(this.myGroup), Instant.ofEpochMilli(7002)));
			conditions.add(onlyThese());
			TicketFilter filter = new TicketFilter(conditions);
			TicketQuery.Plan plan = this.query.plan(filter);
			assertThat(plan.driven() > 0 || plan.none()).as(view).isTrue();
			assertThat(query(0).plan(filter).driven()).as(view).isZero();
			assertThat(ids(this.query, filter)).as(view).containsExactlyElementsOf(ids);
			for (TicketSort sort : TicketSort.values()) {
				for (boolean descending : List.of(true, false)) {
					assertThat(pages(this.query, filter, sort, descending, 1)).as(view + " " + sort + " " + descending)
						.containsExactlyElementsOf(pages(query(0), filter, sort, descending, 1));
				}
			}
		});
	}

	@Test
	void theReadersVisibilityReadAsAUnionOfRangesIsWhatTicketAccessLetsHimOpen() {
		// TicketAccess: his, his groups', no group's, followed; complaints with the right
		Map<TicketActor, List<Long>> expected = Map.of(actor(Permission.TICKET_VIEW, Permission.COMPLAINT_HANDLE),
				List.of(id(0), id(1), id(2), id(3), id(5)), actor(Permission.TICKET_VIEW),
				List.of(id(0), id(1), id(2), id(3)));
		expected.forEach((actor, ids) -> {
			List<Condition> conditions = new ArrayList<>(TicketVisibility.conditions(actor, List.of(this.myGroup)));
			conditions.add(onlyThese());
			TicketFilter filter = new TicketFilter(conditions);
			assertThat(this.query.plan(filter).driven()).isPositive();
			assertThat(ids(this.query, filter)).containsExactlyElementsOf(ids);
			assertThat(ids(query(0), filter)).containsExactlyElementsOf(ids);
			assertThat(pages(this.query, filter, TicketSort.SLA_DUE, true, 2))
				.containsExactlyElementsOf(pages(query(0), filter, TicketSort.SLA_DUE, true, 2));
		});
		// with no group of his own, and with one that has none of these
		TicketActor agent = actor(Permission.TICKET_VIEW, Permission.COMPLAINT_HANDLE);
		for (List<Long> groups : List.of(List.<Long>of(), List.of(this.myGroup + 1000))) {
			List<Condition> conditions = new ArrayList<>(TicketVisibility.conditions(agent, groups));
			conditions.add(onlyThese());
			assertThat(ids(this.query, new TicketFilter(conditions))).containsExactly(id(0), id(2), id(3), id(5));
		}
	}

	@Test
	void countsAreCapped() {
		assertThat(this.query.count(filter(), 100)).isEqualTo(7);
		assertThat(this.query.count(filter(), 3)).isEqualTo(4);
		assertThat(this.query.count(filter(Condition.of(TicketFilterParser.UNFINISHED)), 100)).isEqualTo(6);
	}

	private List<Long> visible(TicketActor actor) {
		List<Condition> conditions = new ArrayList<>(TicketVisibility.conditions(actor, List.of(this.myGroup)));
		conditions.add(this.mine);
		return ids(this.query, new TicketFilter(conditions));
	}

	/** This test's tickets, as a plain condition (no set of its own). */
	private Condition onlyThese() {
		return Condition.of("t.id IN (" + String.join(", ", Collections.nCopies(this.ids.size(), "?")) + ")",
				new ArrayList<>(this.ids));
	}

	private static TicketActor actor(Permission... permissions) {
		return new TicketActor(TicketActor.Kind.STAFF, ME, null, "me", Set.of(permissions));
	}

	private TicketFilter filter(Condition... conditions) {
		List<Condition> all = new ArrayList<>(List.of(conditions));
		all.add(this.mine);
		return new TicketFilter(all);
	}

	private List<Long> ids(TicketQuery q, TicketFilter filter) {
		return q.page(filter, TicketSort.CREATED, false, null, 50).rows().stream().map(TicketQuery.Row::id).toList();
	}

	private List<Long> pages(TicketSort sort, boolean descending, int size) {
		return pages(this.query, filter(), sort, descending, size);
	}

	private static List<Long> pages(TicketQuery query, TicketFilter filter, TicketSort sort, boolean descending,
			int size) {
		List<Long> seen = new ArrayList<>();
		Cursor after = null;
		for (int i = 0; i < 20; i++) {
			// through the cursor's text, as a client sends it back
			Cursor cursor = (after != null) ? Cursor.decode(after.encode(), sort, descending) : null;
			TicketQuery.Page page = query.page(filter, sort, descending, cursor, size);
			page.rows().forEach((row) -> seen.add(row.id()));
			if (page.next() == null) {
				return seen;
			}
			after = page.next();
		}
		throw new AssertionError("did not end");
	}

	private long id(int i) {
		return this.ids.get(i);
	}

	/** The query with another cap on what it reads by id. */
	TicketQuery query(int drive) {
		return new TicketQuery(this.jdbc, drive, dev.parley.platform.Databases.isH2(this.dataSource),
				TicketIdList.of(this.dataSource));
	}

}
