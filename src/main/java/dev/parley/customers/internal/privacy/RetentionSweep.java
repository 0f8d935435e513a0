package dev.parley.customers.internal.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.conversations.CustomerData;
import dev.parley.platform.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention ({@code customers.retentionDays}, 0 = keep forever): closed conversations
 * whose last message is older are anonymised, visitors last seen before then with nothing
 * kept are cleared, and customers last seen before then whose conversations are all
 * anonymised now are erased (never one who had no conversation, as an imported record,
 * nor a portal account holder). In batches, each its own transaction; one node at a time
 * (a lease); a summary goes to the audit log when anything was erased.
 */
@Component
class RetentionSweep {

	static final String DAYS = "customers.retentionDays";

	static final int BATCH = 200;

	private static final Logger logger = LoggerFactory.getLogger(RetentionSweep.class);

	private final Settings settings;

	private final CustomerData chat;

	private final DataSubjectRequests requests;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Leases leases;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RetentionSweep(Settings settings, CustomerData chat, DataSubjectRequests requests, JdbcClient jdbc, AuditLog audit,
			Leases leases, TransactionTemplate transactions, Clock clock) {
		this.settings = settings;
		this.chat = chat;
		this.requests = requests;
		this.jdbc = jdbc;
		this.audit = audit;
		this.leases = leases;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Bean
	static SettingDefinitions retentionSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer(DAYS, 0, 0, 36500));
	}

	@Scheduled(fixedDelayString = "${parley.customers.retention-sweep:1h}", initialDelayString = "5m")
	void scheduled() {
		try {
			this.leases.runExclusively("customers.retention", Duration.ofHours(1), this::sweep);
		}
		catch (RuntimeException ex) {
			logger.warn("The retention sweep failed; trying again on the next run", ex);
		}
	}

	/** What one sweep erased. */
	record Summary(int conversations, int visitors, int customers) {
	}

	Summary sweep() {
		int days = this.settings.getInt(DAYS);
		if (days == 0) {
			return new Summary(0, 0, 0);
		}
		Instant before = this.clock.instant().minus(Duration.ofDays(days));
		int conversations = 0;
		int visitors = 0;
		List<Long> batch;
		while (!(batch = this.chat.expiredConversations(before, BATCH)).isEmpty()) {
			List<Long> ids = batch;
			CustomerData.Anonymised done = this.transactions
				.execute((tx) -> this.chat.anonymiseConversations(ids, before));
			conversations += done.conversations();
			visitors += done.visitors();
		}
		int cleared;
		do {
			cleared = this.transactions.execute((tx) -> this.chat.clearIdleVisitors(before, BATCH));
			visitors += cleared;
		}
		while (cleared == BATCH);
		int customers = 0;
		long after = 0;
		List<Long> candidates;
		while (!(candidates = candidates(before, after)).isEmpty()) {
			for (long id : candidates) {
				if (this.chat.onlyAnonymisedConversations(id)) {
					this.requests.erase(id, null);
					customers++;
				}
			}
			after = candidates.get(candidates.size() - 1);
		}
		if (conversations + visitors + customers > 0) {
			this.audit.record(null, "customers.retention", "retention " + days + " days", AuditResult.SUCCESS,
					conversations + " conversations, " + visitors + " visitors, " + customers + " customers");
		}
		return new Summary(conversations, visitors, customers);
	}

	/**
	 * Live customers who had conversations and were last seen before the cutoff, in id
	 * order after {@code after}; never portal account holders (they keep their account
	 * until they close it), never records without a conversation (imported ones).
	 */
	private List<Long> candidates(Instant before, long after) {
		return this.jdbc
			.sql("SELECT c.id FROM customer c WHERE c.last_seen_at < ? AND c.erased_at IS NULL "
					+ "AND c.conversation_count > 0 "
					+ "AND c.merged_into IS NULL AND c.id > ? AND NOT EXISTS (SELECT 1 FROM customer_account a "
					+ "WHERE a.customer_id = c.id) ORDER BY c.id LIMIT ?")
			.params(before.toEpochMilli(), after, BATCH)
			.query(Long.class)
			.list();
	}

}
