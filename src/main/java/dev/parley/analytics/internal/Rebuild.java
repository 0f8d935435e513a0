package dev.parley.analytics.internal;

import java.time.Instant;
import java.util.List;

import dev.parley.analytics.internal.tickets.TicketFolder;
import dev.parley.conversations.ConversationFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes every figure from the transcripts: forgets all facts and totals and folds
 * every conversation again (and reads every ticket again), as the only writer (the live
 * worker waits meanwhile). Needed after the organisation's time zone changed (days are
 * cut in it) and to check the figures; gives the same figures as the live folding
 * (tested).
 */
@Component
class Rebuild {

	private static final Logger logger = LoggerFactory.getLogger(Rebuild.class);

	private static final int BATCH = 500;

	private static final Instant END = Instant.ofEpochMilli(Long.MAX_VALUE);

	private final AnalyticsWorker worker;

	private final FactFolder folder;

	private final FactRepository facts;

	private final RollupRepository totals;

	private final ConversationFacts conversations;

	private final TransactionTemplate transactions;

	private final TicketFolder tickets;

	Rebuild(AnalyticsWorker worker, FactFolder folder, FactRepository facts, RollupRepository totals,
			ConversationFacts conversations, TransactionTemplate transactions, TicketFolder tickets) {
		this.tickets = tickets;
		this.worker = worker;
		this.folder = folder;
		this.facts = facts;
		this.totals = totals;
		this.conversations = conversations;
		this.transactions = transactions;
	}

	/**
	 * @return how many conversations were folded
	 */
	int run() {
		return this.worker.exclusively(() -> {
			long started = System.nanoTime();
			this.transactions.executeWithoutResult((tx) -> {
				this.totals.deleteAll();
				this.facts.deleteAll();
			});
			int folded = 0;
			long after = 0;
			List<Long> ids;
			while (!(ids = this.conversations.startedBetween(Instant.EPOCH, END, after, BATCH)).isEmpty()) {
				this.folder.fold(ids);
				folded += ids.size();
				after = ids.get(ids.size() - 1);
			}
			int tickets = this.tickets.rebuild();
			logger.info("Figures rebuilt from {} conversations and {} tickets in {} ms", folded, tickets,
					(System.nanoTime() - started) / 1_000_000);
			return folded;
		});
	}

}
