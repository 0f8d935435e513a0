package dev.parley.customers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.parley.conversations.CustomerLinks;
import dev.parley.conversations.CustomerLinks.VisitorFacts;
import dev.parley.testing.IntegrationTest;
import dev.parley.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New customers made at the same time do not deadlock on MariaDB. At MariaDB's default
 * REPEATABLE READ a locking read that finds no row (is this channel, contact or term
 * recorded for him yet?) takes a gap lock; two new customers with neighbouring ids share
 * the gap and each one's insert waits for the other. Parley's connections run at READ
 * COMMITTED, where InnoDB takes no such locks (skipped with the reason printed when no
 * server answers, failed under CI=true).
 */
@Timeout(120)
@ExtendWith(TestDatabases.MariaDb.class)
@ContextConfiguration(initializers = TestDatabases.MariaDb.class)
class MariaDbConcurrentCustomersTests extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	CustomerLinks links;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void connectionsReadCommitted() throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
		}
	}

	/**
	 * Two transactions each make a customer, look for his channel with a locking read
	 * (none yet) and insert it: both inserts go through, neither waits for the other.
	 */
	@Test
	void twoNewCustomersRecordTheirChannelAtOnce() throws Exception {
		long channel = channel();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try (Connection one = this.dataSource.getConnection(); Connection two = this.dataSource.getConnection()) {
			one.setAutoCommit(false);
			two.setAutoCommit(false);
			try {
				long a = newCustomer(one);
				long b = newCustomer(two);
				lookForChannel(one, a, channel);
				lookForChannel(two, b, channel);
				Future<?> first = pool.submit(() -> insertChannel(one, a, channel));
				insertChannel(two, b, channel);
				first.get(60, TimeUnit.SECONDS);
			}
			finally {
				one.rollback();
				two.rollback();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Anonymous visitors starting chats with a typed e-mail address, eight at a time, one
	 * transaction each: every one becomes a customer (at REPEATABLE READ most of them
	 * failed with a deadlock).
	 */
	@Test
	void manyNewCustomersAtOnce() throws Exception {
		long channel = channel();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Long>> arrivals = new ArrayList<>();
			for (int i = 0; i < 48; i++) {
				String name = unique("Crowd");
				arrivals.add(pool.submit(() -> transaction.execute((status) -> this.links.link(new VisitorFacts(0, null,
						channel, null, null, name, name.toLowerCase() + "@example.com", null, "en", Instant.now())))));
			}
			List<Long> customers = new ArrayList<>();
			for (Future<Long> arrival : arrivals) {
				customers.add(arrival.get(60, TimeUnit.SECONDS));
			}
			assertThat(customers).doesNotHaveDuplicates().hasSize(48);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private long channel() {
		return admin()
			.post("/api/v1/channels", Map.of("kind", "website", "name", unique("Crowd"), "allowedOrigins",
					List.of("https://shop.example.com"), "prechatEnabled", false))
			.json()
			.path("id")
			.asLong();
	}

	private static long newCustomer(Connection connection) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO customer (name, language, first_seen_at, last_seen_at, conversation_count, created_at, "
						+ "updated_at, version) VALUES (NULL, NULL, 1, 1, 0, 1, 1, 0)",
				Statement.RETURN_GENERATED_KEYS)) {
			insert.executeUpdate();
			try (ResultSet keys = insert.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	private static void lookForChannel(Connection connection, long customer, long channel) throws Exception {
		try (PreparedStatement select = connection.prepareStatement(
				"SELECT customer_id FROM customer_channel WHERE customer_id = ? AND channel_id = ? FOR UPDATE")) {
			select.setLong(1, customer);
			select.setLong(2, channel);
			try (ResultSet rows = select.executeQuery()) {
				assertThat(rows.next()).isFalse();
			}
		}
	}

	private static Void insertChannel(Connection connection, long customer, long channel) throws Exception {
		try (PreparedStatement insert = connection.prepareStatement(
				"INSERT INTO customer_channel (customer_id, channel_id, first_seen_at, last_seen_at) VALUES (?, ?, 1, 1)")) {
			insert.setLong(1, customer);
			insert.setLong(2, channel);
			insert.executeUpdate();
		}
		return null;
	}

}
