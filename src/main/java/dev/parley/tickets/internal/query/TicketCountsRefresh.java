package dev.parley.tickets.internal.query;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.platform.EventBus;
import dev.parley.platform.Permission;
import dev.parley.platform.StaffRefresh;
import dev.parley.tickets.internal.Ticket;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketHooks;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the consoles' ticket counts live: after a ticket is made or changed and the
 * change committed, every staff member with {@code ticket.view} hears {@code refresh}
 * "tickets" (StaffRefresh, on every node) and reads his counts again. A burst of changes
 * (a bulk action, an import of mail) is told once: at most one refresh per
 * {@link #EVERY_MILLIS} on each node. What time alone changes (due soon, overdue) the
 * console's own reading every minute catches.
 */
@Component
class TicketCountsRefresh implements TicketHooks {

	static final long EVERY_MILLIS = 2_000;

	private final EventBus bus;

	private final AtomicBoolean changed = new AtomicBoolean();

	TicketCountsRefresh(EventBus bus) {
		this.bus = bus;
	}

	@Override
	public void created(Ticket ticket, TicketActor actor) {
		afterCommit();
	}

	@Override
	public void changed(Ticket before, Ticket after, TicketActor actor) {
		afterCommit();
	}

	private void afterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.changed.set(true);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				TicketCountsRefresh.this.changed.set(true);
			}
		});
	}

	@Scheduled(fixedDelay = EVERY_MILLIS, initialDelay = EVERY_MILLIS)
	void tell() {
		if (this.changed.getAndSet(false)) {
			this.bus.publish(new StaffRefresh("tickets", Permission.TICKET_VIEW));
		}
	}

}
