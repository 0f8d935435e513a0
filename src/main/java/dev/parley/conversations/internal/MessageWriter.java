package dev.parley.conversations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.parley.conversations.internal.MessageBatch.Outcome;
import dev.parley.conversations.internal.MessageBatch.Request;
import dev.parley.platform.ApiException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for chat messages. Senders hand their message to a queue and wait; a few
 * writer threads take whatever has queued up (one message when it is quiet, up to
 * {@value #MAX_BATCH} under load) and store it in one transaction ({@link MessageBatch}):
 * one locking read of all the conversations concerned, in id order, one batched insert,
 * one batched update, one commit. The rules are those of a single append: the checks run
 * on the locked row (as it stands after the batch's earlier messages), a refused message
 * is refused alone and the rest of its batch is stored.
 *
 * <p>
 * Each stored line's module event ({@code MessagePosted}, and on a reopening
 * {@code ConversationReopened}) is published inside the batch's transaction. Once the
 * batch has committed, the senders are answered first, then the writer feeds the live
 * bus, batch after batch in commit order, so a sender's acknowledgement never waits for
 * the fan-out to other connections.
 *
 * <p>
 * A message sent before (a resend) is found by its client id under the batch's locks and
 * answered with the stored one, so it never fails its batch. Should the batch as a whole
 * fail all the same (a deadlock, a lock wait that ran out), each of its messages is tried
 * again in a transaction of its own, so one bad message never costs the others theirs.
 */
@Component
class MessageWriter implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MessageWriter.class);

	/** The most messages stored in one transaction. */
	static final int MAX_BATCH = 256;

	/** Threads writing batches; two keep one batch filling while another commits. */
	static final int WRITERS = 2;

	/** How often an idle writer looks whether it should stop. */
	private static final long POLL_MILLIS = 500;

	/** How long a sender waits for its batch before giving up (the client resends). */
	private static final long WAIT_SECONDS = 30;

	private final MessageBatch batches;

	private final MessageRepository messages;

	private final TransactionTemplate transactions;

	private final LiveFeed feed;

	private final BlockingQueue<Request> queue = new LinkedBlockingQueue<>();

	private final List<Thread> writers = new ArrayList<>();

	private final DistributionSummary batchSizes;

	private final Timer batchTimes;

	private volatile boolean stopped;

	MessageWriter(MessageBatch batches, MessageRepository messages, TransactionTemplate transactions,
			MeterRegistry meters, LiveFeed feed) {
		this.batches = batches;
		this.feed = feed;
		this.batchSizes = DistributionSummary.builder("parley.chat.message.batch")
			.description("Messages stored per transaction by the group-committing writer")
			.baseUnit("messages")
			.register(meters);
		this.batchTimes = Timer.builder("parley.chat.message.write")
			.description("Time to store one batch of messages, from the first query to the commit")
			.register(meters);
		this.messages = messages;
		this.transactions = transactions;
		for (int i = 0; i < WRITERS; i++) {
			Thread writer = new Thread(this::run, "parley-message-writer-" + i);
			writer.setDaemon(true);
			this.writers.add(writer);
			writer.start();
		}
	}

	/**
	 * What an append did: the message (the one stored before, for a repeated client id),
	 * everything it added (a reopening adds an event first), and the conversation's
	 * status afterwards.
	 */
	record Appended(Message message, boolean duplicate, List<Message> added, boolean statusChanged) {
	}

	/**
	 * Appends under the conversation's row lock, after {@code access} has checked the
	 * locked row (it throws to refuse): a repeated client id returns the stored message;
	 * a visitor writing to a recently closed conversation reopens it. Inside a caller's
	 * transaction the append joins it; otherwise it goes into the next batch.
	 */
	Appended append(long conversationId, Draft draft, Consumer<Conversation> access) {
		return append(new Request(conversationId, draft, access, new CompletableFuture<>()));
	}

	/**
	 * Appends a visitor's line that reopens its conversation however long ago it closed:
	 * an e-mail reply, which names the conversation it answers.
	 */
	Appended appendReopening(long conversationId, Draft draft, Consumer<Conversation> access) {
		return append(new Request(conversationId, draft, access, true, new CompletableFuture<>()));
	}

	private Appended append(Request request) {
		long conversationId = request.conversationId();
		Draft draft = request.draft();
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// a repeat must not reach the unique key here: its refusal would doom the
			// caller's whole transaction
			Optional<Message> stored = (draft.clientId() != null)
					? this.messages.findByClientId(conversationId, draft.side(), draft.clientId()) : Optional.empty();
			if (stored.isPresent()) {
				return new Appended(stored.get(), true, List.of(), false);
			}
			write(List.of(request));
		}
		else if (this.stopped) {
			write(List.of(request));
		}
		else {
			this.queue.add(request);
		}
		try {
			return request.result().get(WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
					"The message could not be stored in time; send it again");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Interrupted; send it again");
		}
	}

	private void run() {
		List<Request> batch = new ArrayList<>(MAX_BATCH);
		while (!this.stopped) {
			try {
				Request first = this.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, MAX_BATCH - 1);
				write(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error ex) {
				// answer the senders and keep writing: a dead writer would leave every
				// later sender waiting out its 30 seconds
				logger.error("Message batch failed", ex);
				batch.forEach((r) -> r.result().completeExceptionally(ex));
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * Stores a batch; each request's future is completed before this returns. Inside a
	 * caller's transaction the live events wait for that transaction's commit.
	 */
	private void write(List<Request> batch) {
		try {
			boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
			long started = System.nanoTime();
			List<Outcome> outcomes = this.transactions.execute((tx) -> this.batches.store(batch, joined));
			this.batchTimes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
			this.batchSizes.record(batch.size());
			outcomes.forEach(Outcome::complete);
			if (!joined) {
				publish(outcomes);
			}
		}
		catch (RuntimeException ex) {
			if (batch.size() > 1) {
				logger.debug("Message batch of {} failed, storing one by one", batch.size(), ex);
				batch.forEach((r) -> write(List.of(r)));
			}
			else {
				completeAlone(batch.get(0), ex);
			}
		}
	}

	/** A request that failed in a transaction of its own. */
	private void completeAlone(Request request, RuntimeException ex) {
		if (ex instanceof DuplicateKeyException && request.draft().clientId() != null) {
			// sent before (a resend after reconnecting, or the same message on two
			// connections): the unique key refused it; answer with the stored one
			var stored = this.messages.findByClientId(request.conversationId(), request.draft().side(),
					request.draft().clientId());
			if (stored.isPresent()) {
				request.result().complete(new Appended(stored.get(), true, List.of(), false));
				return;
			}
		}
		request.result().completeExceptionally(ex);
	}

	/**
	 * Feeds the live bus with what a committed batch stored, in the batch's order; the
	 * live feed is best effort (a client that misses a frame catches up with sync), so a
	 * failure here never fails the senders, who have their answer already.
	 */
	private void publish(List<Outcome> outcomes) {
		for (Outcome outcome : outcomes) {
			if (outcome.refusal != null || outcome.duplicateOf != null || outcome.added.isEmpty()) {
				continue;
			}
			try {
				this.feed.appended(outcome.added, outcome.after, outcome.statusChanged);
			}
			catch (RuntimeException ex) {
				logger.warn("Could not feed conversation {} to live connections", outcome.after.id(), ex);
			}
		}
	}

	/**
	 * Lets the writers finish the batch in hand (never interrupted: an interrupt in the
	 * middle of file I/O would close the embedded database's file), then refuses what is
	 * left; senders resend after reconnecting.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.stopped = true;
		for (Thread writer : this.writers) {
			writer.join(WAIT_SECONDS * 1000);
		}
		List<Request> left = new ArrayList<>();
		this.queue.drainTo(left);
		left.forEach((r) -> r.result()
			.completeExceptionally(
					new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "The server is stopping")));
	}

}
