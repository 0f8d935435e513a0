package dev.parley.customers;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.parley.conversations.CustomerLinks;
import dev.parley.conversations.CustomerLinks.VisitorFacts;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two first arrivals vouched for with one identity at once (two devices or channels): the
 * first one's transaction has given the identity a customer and not committed yet when
 * the second one inserts the same identity, so the second really waits on the first's
 * row; then the first commits. The second must end up linked to the same customer, with
 * no error and no second customer. One subclass per engine.
 */
@Timeout(120)
abstract class IdentityRace extends IntegrationTest {

	@Autowired
	CustomerLinks links;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	dev.parley.customers.internal.CustomerRepository customers;

	@Test
	void twoFirstArrivalsWithOneIdentityAtOnceBecomeOneCustomer() throws Exception {
		String name = unique("Racer");
		String identity = unique("device-race");
		long channel = channel();
		Race race = race(facts(channel, identity, null, name), facts(channel, identity, null, name));
		assertThat(race.second()).as("the second arrival is the first one's customer").isEqualTo(race.first());
		assertThat(owner(identity)).isEqualTo(race.first());
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM customer WHERE name = ?").param(name).query(Integer.class).single())
			.as("no second customer")
			.isEqualTo(1);
	}

	@Test
	void aRacingArrivalsAnonymousRecordIsMergedIntoTheWinner() throws Exception {
		String name = unique("Racer");
		String identity = unique("device-race");
		long channel = channel();
		// the second device's visitor chatted anonymously before
		long anonymous = this.customers.insert(null, null, Instant.now());
		Race race = race(facts(channel, identity, null, name), facts(channel, identity, anonymous, name));
		assertThat(race.second()).isEqualTo(race.first()).isNotEqualTo(anonymous);
		assertThat(owner(identity)).isEqualTo(race.first());
		assertThat(this.jdbc.sql("SELECT merged_into FROM customer WHERE id = ?")
			.param(anonymous)
			.query(Long.class)
			.single()).as("the loser's anonymous record went into the winner").isEqualTo(race.first());
	}

	/** What each arrival's link returned. */
	record Race(long first, long second) {
	}

	/**
	 * Links the first arrival and holds its transaction open until the second one inserts
	 * the identity (and waits on the first's row), then commits it.
	 */
	private Race race(VisitorFacts first, VisitorFacts second) throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		CountDownLatch firstLinked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService devices = Executors.newFixedThreadPool(2);
		try {
			Future<Long> one = devices.submit(() -> transaction.execute((status) -> {
				long id = this.links.link(first);
				firstLinked.countDown();
				awaitQuietly(release);
				return id;
			}));
			assertThat(firstLinked.await(60, TimeUnit.SECONDS)).as("the first arrival linked").isTrue();
			Future<Long> two = devices.submit(() -> transaction.execute((status) -> this.links.link(second)));
			awaitInsert(two);
			release.countDown();
			return new Race(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
		}
		finally {
			release.countDown();
			devices.shutdownNow();
		}
	}

	/**
	 * Until the second arrival's insert of the identity is under way (as the engine
	 * reports it; it then waits for the first's uncommitted row), or it finished (then
	 * the assertions tell whether it went well). Either way it found no owner before the
	 * first committed, so the race is run every time.
	 */
	private void awaitInsert(Future<Long> second) throws Exception {
		String sql = insertUnderWay();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!second.isDone()) {
			try {
				if (this.jdbc.sql(sql).query(Integer.class).single() > 0) {
					return;
				}
			}
			catch (DataAccessException ex) {
				// H2's SESSIONS table fails now and then while a session changes state;
				// ask
				// again
			}
			assertThat(System.nanoTime()).as("the second arrival inserts the identity").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private String insertUnderWay() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("postgres")) {
				return "SELECT COUNT(*) FROM pg_stat_activity WHERE state = 'active' "
						+ "AND query LIKE 'INSERT INTO customer_identity%'";
			}
			if (product.contains("mariadb") || product.contains("mysql")) {
				return "SELECT COUNT(*) FROM information_schema.PROCESSLIST "
						+ "WHERE INFO LIKE 'INSERT INTO customer_identity%'";
			}
			return "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS "
					+ "WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO customer_identity%'";
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private VisitorFacts facts(long channel, String identity, Long customerId, String name) {
		return new VisitorFacts(0, customerId, channel, identity, null, name, null, null, "en", Instant.now());
	}

	private Long owner(String identity) {
		return this.jdbc.sql("SELECT customer_id FROM customer_identity WHERE external_id = ?")
			.param(identity)
			.query(Long.class)
			.single();
	}

	private long channel() {
		return admin()
			.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Race"), "allowedOrigins",
					List.of("https://shop.example.com"), "prechatEnabled", false))
			.json()
			.path("id")
			.asLong();
	}

}
