package dev.parley.customers.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import dev.parley.customers.internal.CustomerFilter.Condition;
import dev.parley.customers.internal.CustomerSort.Cursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer list's SQL on every supported database: keyset pages in each order with
 * equal and empty sort keys (engines put NULLs in different places), and a word prefix as
 * a range of the term index (binary order on every engine).
 */
@Transactional
abstract class CustomerQueryContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	CustomerQuery query;

	List<Long> ids = new ArrayList<>();

	CustomerFilter mine;

	@BeforeEach
	void customers() {
		this.query = new CustomerQuery(this.jdbc, new CustomerNarrowing(this.jdbc), this.dataSource);
		String tag = "t" + System.nanoTime();
		for (int i = 0; i < 7; i++) {
			GeneratedKeyHolder keys = new GeneratedKeyHolder();
			this.jdbc
				.sql("INSERT INTO customer (name, first_seen_at, last_seen_at, last_conversation_at, "
						+ "conversation_count, created_at, updated_at, version) VALUES (?, 1, 5000, ?, 1, 1, 1, 0)")
				.params((i == 6) ? null : ((i % 2 == 0) ? "Émile " : "王小明 ") + i, (i % 2 == 1) ? 7000L : null)
				.update(keys, "id");
			long id = keys.getKeyAs(Number.class).longValue();
			this.ids.add(id);
			this.jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (?, ?)").params(id, tag).update();
		}
		this.jdbc.sql("INSERT INTO customer_term (term, customer_id) VALUES (?, ?)")
			.params("alexander", this.ids.get(0))
			.update();
		this.jdbc.sql("INSERT INTO customer_term (term, customer_id) VALUES (?, ?)")
			.params("alex", this.ids.get(1))
			.update();
		this.jdbc.sql("INSERT INTO customer_term (term, customer_id) VALUES (?, ?)")
			.params("alez", this.ids.get(2))
			.update();
		this.jdbc.sql("INSERT INTO customer_term (term, customer_id) VALUES (?, ?)")
			.params("小明", this.ids.get(3))
			.update();
		this.mine = new CustomerFilter(List.of(Condition.set("customer_tag WHERE tag = ?", List.of(tag))));
	}

	@Test
	void pagesInEveryOrderWithEqualAndEmptyKeys() {
		List<Long> descending = new ArrayList<>(this.ids);
		Collections.reverse(descending);
		assertThat(pages(CustomerSort.LAST_SEEN, true, 2)).containsExactlyElementsOf(descending);
		assertThat(pages(CustomerSort.CONVERSATIONS, false, 3)).containsExactlyElementsOf(this.ids);
		assertThat(pages(CustomerSort.LAST_CONVERSATION, true, 2)).containsExactly(id(5), id(3), id(1), id(6), id(4),
				id(2), id(0));
		assertThat(pages(CustomerSort.LAST_CONVERSATION, false, 2)).containsExactly(id(1), id(3), id(5), id(0), id(2),
				id(4), id(6));
		assertThat(pages(CustomerSort.NAME, false, 2)).containsExactly(id(0), id(2), id(4), id(1), id(3), id(5), id(6));
		assertThat(pages(CustomerSort.NAME, true, 4)).containsExactly(id(5), id(3), id(1), id(4), id(2), id(0), id(6));
	}

	@Test
	void aWordPrefixIsARangeOfTheTerms() {
		String upper = CustomerFilterParser.upper("alex");
		CustomerFilter alex = this.mine.and(new CustomerFilter(List.of(Condition.of(
				"c.id IN (SELECT customer_id FROM customer_term WHERE term >= ? AND term < ? AND term LIKE ? ESCAPE '!')",
				"alex", upper, "alex%"))));
		assertThat(this.query.page(alex, CustomerSort.CREATED, false, null, 10).customers()).extracting(Customer::id)
			.containsExactly(id(0), id(1));
		CustomerFilter chinese = this.mine.and(new CustomerFilter(
				List.of(Condition.of("c.id IN (SELECT customer_id FROM customer_term WHERE term = ?)", "小明"))));
		assertThat(this.query.page(chinese, CustomerSort.CREATED, false, null, 10).customers()).extracting(Customer::id)
			.containsExactly(id(3));
	}

	@Test
	void everyPlanOfSetsFindsTheSameCustomers() {
		CustomerFilter alex = this.mine.and(new CustomerFilter(
				List.of(Condition.set("customer_term WHERE term >= ? AND term < ? AND term LIKE ? ESCAPE '!'",
						List.of("alex", CustomerFilterParser.upper("alex"), "alex%")))));
		CustomerFilter first = new CustomerFilter(List.of(Condition.of("c.id <> ?", id(0))));
		// drives by the ids of the smallest set (alex), probes the tag
		CustomerNarrowing.Plan driven = new CustomerNarrowing(this.jdbc).plan(alex);
		assertThat(driven.walk()).isFalse();
		assertThat(driven.filter().where()).contains("c.id IN (?, ?)").contains("LIMIT 1) = 1");
		// every set larger than two (ale*: 0, 1, 2; odd: 1, 3, 5): reads their
		// intersection
		String odd = "odd" + System.nanoTime();
		for (int i : List.of(1, 3, 5)) {
			this.jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (?, ?)").params(id(i), odd).update();
		}
		CustomerFilter aleOdd = this.mine.and(new CustomerFilter(List.of(
				Condition.set("customer_term WHERE term >= ? AND term < ? AND term LIKE ? ESCAPE '!'",
						List.of("ale", CustomerFilterParser.upper("ale"), "ale%")),
				Condition.set("customer_tag WHERE tag = ?", List.of(odd)))));
		CustomerNarrowing.Plan intersected = new CustomerNarrowing(this.jdbc, 2, 100).plan(aleOdd);
		assertThat(intersected.walk()).isFalse();
		assertThat(intersected.filter().where()).contains("c.id IN (?)").doesNotContain("LIMIT 1");
		assertThat(new CustomerQuery(this.jdbc, new CustomerNarrowing(this.jdbc, 2, 100), this.dataSource)
			.page(aleOdd, CustomerSort.CREATED, false, null, 10)
			.customers()).extracting(Customer::id).containsExactly(id(1));
		// the tag of all seven larger than the cap: probed for each of the intersection
		CustomerNarrowing.Plan probed = new CustomerNarrowing(this.jdbc, 2, 3).plan(aleOdd);
		assertThat(probed.walk()).isFalse();
		assertThat(probed.filter().where()).contains("c.id IN (?)").doesNotContain("LIMIT 1");
		assertThat(new CustomerQuery(this.jdbc, new CustomerNarrowing(this.jdbc, 2, 3), this.dataSource)
			.page(aleOdd, CustomerSort.CREATED, false, null, 10)
			.customers()).extracting(Customer::id).containsExactly(id(1));
		assertThat(new CustomerQuery(this.jdbc, new CustomerNarrowing(this.jdbc, 2, 2), this.dataSource)
			.page(aleOdd, CustomerSort.CREATED, false, null, 10)
			.customers()).extracting(Customer::id).containsExactly(id(1));
		// every set large: walks the order, probing each
		CustomerNarrowing.Plan walked = new CustomerNarrowing(this.jdbc, 1, 1).plan(alex.and(first));
		assertThat(walked.walk()).isTrue();
		assertThat(walked.filter().where()).doesNotContain("c.id IN (").contains("LIMIT 1) = 1");
		for (CustomerNarrowing narrowing : List.of(new CustomerNarrowing(this.jdbc),
				new CustomerNarrowing(this.jdbc, 1, 100), new CustomerNarrowing(this.jdbc, 1, 1))) {
			CustomerQuery query = new CustomerQuery(this.jdbc, narrowing, this.dataSource);
			assertThat(query.page(alex, CustomerSort.CREATED, false, null, 10).customers()).extracting(Customer::id)
				.containsExactly(id(0), id(1));
			assertThat(query.page(alex.and(first), CustomerSort.LAST_SEEN, true, null, 10).customers())
				.extracting(Customer::id)
				.containsExactly(id(1));
			CustomerQuery.Page one = query.page(alex, CustomerSort.NAME, true, null, 1);
			assertThat(one.customers()).extracting(Customer::id).containsExactly(id(1));
			assertThat(query.page(alex, CustomerSort.NAME, true, one.next(), 1).customers()).extracting(Customer::id)
				.containsExactly(id(0));
		}
	}

	@Test
	void aWalkOfOneLevelReadsThatLevelInTheListsOrder() {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO customer_level (name, position, created_at) VALUES (?, 1, 0)")
			.param("L" + System.nanoTime())
			.update(keys, "id");
		long level = keys.getKeyAs(Number.class).longValue();
		for (int i : List.of(0, 1, 3, 4)) {
			this.jdbc.sql("UPDATE customer SET level_id = ? WHERE id = ?").params(level, id(i)).update();
		}
		CustomerFilter oneLevel = this.mine
			.and(new CustomerFilter(List.of(Condition.indexed("level_id", "IN (?)", List.of(level)))));
		CustomerQuery walking = new CustomerQuery(this.jdbc, new CustomerNarrowing(this.jdbc, 1, 1), this.dataSource);
		assertThat(new CustomerNarrowing(this.jdbc, 1, 1).plan(oneLevel).walk()).isTrue();
		List<Long> found = new ArrayList<>();
		Cursor after = null;
		do {
			CustomerQuery.Page page = walking.page(oneLevel, CustomerSort.LAST_SEEN, true, after, 3);
			page.customers().forEach((c) -> found.add(c.id()));
			after = page.next();
		}
		while (after != null);
		assertThat(found).containsExactly(id(4), id(3), id(1), id(0));
	}

	@Test
	void anEmptySetIsAnEmptyPageWithoutReadingCustomers() {
		CustomerFilter nobody = this.mine
			.and(new CustomerFilter(List.of(Condition.set("customer_term WHERE term = ?", List.of("nobody-here")))));
		assertThat(new CustomerNarrowing(this.jdbc).plan(nobody).none()).isTrue();
		assertThat(this.query.page(nobody, CustomerSort.LAST_SEEN, true, null, 10).customers()).isEmpty();
	}

	private long id(int index) {
		return this.ids.get(index);
	}

	private List<Long> pages(CustomerSort sort, boolean descending, int limit) {
		List<Long> found = new ArrayList<>();
		Cursor after = null;
		for (int page = 0; page < 10; page++) {
			CustomerQuery.Page result = this.query.page(this.mine, sort, descending, after, limit);
			result.customers().forEach((c) -> found.add(c.id()));
			if (result.next() == null) {
				return found;
			}
			after = Cursor.decode(result.next().encode(), sort, descending);
		}
		throw new AssertionError("more pages than customers");
	}

}
