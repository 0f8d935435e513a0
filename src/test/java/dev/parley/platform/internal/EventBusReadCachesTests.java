package dev.parley.platform.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.parley.platform.ReadCache;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The cache behind settings and shift plans, on the in-process bus: what is kept, when it
 * is read again, and how a change in a transaction reaches it.
 */
class EventBusReadCachesTests {

	private final InProcessEventBus bus = new InProcessEventBus();

	private final EventBusReadCaches caches = new EventBusReadCaches(this.bus,
			new CacheProperties(Duration.ofMinutes(1)));

	/** Each load returns the next number. */
	private final AtomicInteger loads = new AtomicInteger();

	private final ReadCache<Integer> cache = this.caches.create("numbers");

	private Integer read() {
		return this.cache.get(this.loads::incrementAndGet);
	}

	@Test
	void keepsAValueUntilItsDataChanges() {
		assertThat(read()).isEqualTo(1);
		assertThat(read()).isEqualTo(1);
		this.caches.changed("numbers");
		assertThat(read()).isEqualTo(2);
		assertThat(read()).isEqualTo(2);
	}

	@Test
	void aChangeAnnouncedByAnotherNodeEmptiesTheCacheAndAnUnknownNameIsIgnored() {
		read();
		this.bus.publish(new CacheInvalidated("no-such-cache"));
		assertThat(read()).isEqualTo(1);
		this.bus.publish(new CacheInvalidated("numbers"));
		assertThat(read()).isEqualTo(2);
	}

	@Test
	void aValueReadWhileItsDataChangedIsNotKept() {
		Integer during = this.cache.get(() -> {
			int value = this.loads.incrementAndGet();
			// the change commits while this read is under way
			this.caches.changed("numbers");
			return value;
		});
		assertThat(during).isEqualTo(1);
		assertThat(read()).as("read again").isEqualTo(2);
		assertThat(read()).isEqualTo(2);
	}

	@Test
	void aValueThatDoesNotFitTheReadIsReadAgainAndReplaced() {
		read();
		assertThat(this.cache.get((kept) -> kept > 1, this.loads::incrementAndGet)).isEqualTo(2);
		assertThat(read()).isEqualTo(2);
	}

	@Test
	void aValueIsKeptForItsTimeToLiveAtMost() {
		AtomicLong now = new AtomicLong();
		Snapshot<Integer> snapshot = new Snapshot<>(Duration.ofSeconds(60), now::get);
		assertThat(snapshot.get(this.loads::incrementAndGet)).isEqualTo(1);
		now.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(snapshot.get(this.loads::incrementAndGet)).isEqualTo(1);
		now.addAndGet(Duration.ofSeconds(1).toNanos());
		assertThat(snapshot.get(this.loads::incrementAndGet)).isEqualTo(2);

		Snapshot<Integer> uncached = new Snapshot<>(Duration.ZERO, now::get);
		assertThat(uncached.get(this.loads::incrementAndGet)).isEqualTo(3);
		assertThat(uncached.get(this.loads::incrementAndGet)).isEqualTo(4);
	}

	@Test
	void aChangeInATransactionIsReadByItAtOnceAndByOthersAfterTheCommit() {
		TransactionTemplate transactions = transactions();
		read();
		transactions.executeWithoutResult((tx) -> {
			this.caches.changed("numbers");
			assertThat(read()).as("the changing transaction reads the database").isEqualTo(2);
			assertThat(read()).isEqualTo(3);
			assertThat(CompletableFuture.supplyAsync(this::read).join()).as("others, before the commit").isEqualTo(1);
		});
		assertThat(read()).as("after the commit").isEqualTo(4);
		assertThat(read()).isEqualTo(4);
	}

	@Test
	void aChangeRolledBackLeavesTheCacheAsItWas() {
		TransactionTemplate transactions = transactions();
		read();
		transactions.executeWithoutResult((tx) -> {
			this.caches.changed("numbers");
			tx.setRollbackOnly();
		});
		assertThat(read()).isEqualTo(1);
	}

	@Test
	void aValueReadInsideAnotherTransactionIsUsedButNotKept() {
		TransactionTemplate transactions = transactions();
		// on MySQL/MariaDB such a read may come from a snapshot older than the last
		// change
		transactions.executeWithoutResult((tx) -> assertThat(read()).isEqualTo(1));
		assertThat(read()).isEqualTo(2);
		transactions.executeWithoutResult((tx) -> assertThat(read()).as("kept from outside").isEqualTo(2));
	}

	@Test
	void namesAreUniqueAndKnown() {
		assertThatIllegalStateException().isThrownBy(() -> this.caches.create("numbers"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.caches.changed("typo"));
		assertThatIllegalArgumentException().isThrownBy(() -> new CacheProperties(Duration.ofSeconds(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> new CacheProperties(Duration.ofHours(2)));
	}

	private static TransactionTemplate transactions() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:read-caches;DB_CLOSE_DELAY=-1");
		return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

}
