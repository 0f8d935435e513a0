package dev.parley.customers.internal;

import java.time.Instant;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.conversations.CustomerConversations;
import dev.parley.conversations.CustomerVisitors;
import dev.parley.customers.CustomerChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocking a customer (spam, abuse) with a reason and an optional end, and lifting it;
 * both audited. His open conversations are closed when he is blocked; live chat refuses
 * him on every path while it lasts ({@code customer_blocked}).
 */
@Service
public class CustomerBlocking {

	private final CustomerRecords records;

	private final BlockedCustomers blocked;

	private final CustomerConversations conversations;

	private final CustomerVisitors visitors;

	private final CustomerEvents timeline;

	private final AuditLog audit;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final java.time.Clock clock;

	CustomerBlocking(CustomerRecords records, BlockedCustomers blocked, CustomerConversations conversations,
			CustomerVisitors visitors, CustomerEvents timeline, AuditLog audit, JdbcClient jdbc,
			ApplicationEventPublisher events, java.time.Clock clock) {
		this.records = records;
		this.blocked = blocked;
		this.conversations = conversations;
		this.visitors = visitors;
		this.timeline = timeline;
		this.audit = audit;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public CustomerView block(long customerId, String reason, Instant until, StaffActor actor) {
		String why = (reason != null) ? reason.strip() : "";
		if (why.isEmpty() || why.length() > 500) {
			throw ApiException.invalid("reason", "must be 1 to 500 characters");
		}
		Instant now = this.clock.instant();
		if (until != null && until.getEpochSecond() > 253_402_300_799L) {
			throw ApiException.invalid("until", "must be in the years 1970 to 9999");
		}
		if (until != null && !until.isAfter(now)) {
			throw ApiException.invalid("until", "must be in the future");
		}
		Customer c = this.records.forChange(customerId);
		this.jdbc
			.sql("UPDATE customer SET blocked_at = ?, blocked_until = ?, block_reason = ?, blocked_by = ?, "
					+ "updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now.toEpochMilli(), (until != null) ? until.toEpochMilli() : null, why, actor.displayName(),
					now.toEpochMilli(), c.id())
			.update();
		this.blocked.changed();
		int closed = this.conversations.closeOpen(c.id(), actor.id());
		String detail = why + ((until != null) ? " (until " + until + ")" : "");
		this.timeline.record(c.id(), CustomerEventKind.BLOCKED, actor.displayName(), detail, now);
		this.audit.record(actor.username(), "customer.blocked", "customer " + c.id(), AuditResult.SUCCESS,
				detail + "; closed " + closed + " conversation(s)");
		this.events.publishEvent(new CustomerChanged(c.id(), now));
		return this.records.view(c.id());
	}

	/** Blocks the customer of a conversation's visitor (from the inbox). */
	@Transactional
	public CustomerView blockOfConversation(long conversationId, String reason, Instant until, StaffActor actor) {
		long customerId = this.visitors.customerOfConversation(conversationId)
			.orElseThrow(() -> ApiException.notFound("Customer"));
		return block(this.records.live(customerId).id(), reason, until, actor);
	}

	@Transactional
	public CustomerView unblock(long customerId, StaffActor actor) {
		Customer c = this.records.forChange(customerId);
		if (c.blockedAt() == null) {
			return this.records.view(c.id());
		}
		Instant now = this.clock.instant();
		this.jdbc
			.sql("UPDATE customer SET blocked_at = NULL, blocked_until = NULL, block_reason = NULL, blocked_by = NULL, "
					+ "updated_at = ?, version = version + 1 WHERE id = ?")
			.params(now.toEpochMilli(), c.id())
			.update();
		this.blocked.changed();
		this.timeline.record(c.id(), CustomerEventKind.UNBLOCKED, actor.displayName(), null, now);
		this.audit.record(actor.username(), "customer.unblocked", "customer " + c.id(), AuditResult.SUCCESS, null);
		this.events.publishEvent(new CustomerChanged(c.id(), now));
		return this.records.view(c.id());
	}

}
