package dev.parley.security.internal;

import dev.parley.platform.EventBus;
import dev.parley.platform.SourceGate;
import dev.parley.security.SourceBlocked;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every node, once a block has committed, to close the connections the address
 * already has open: the gate refuses only new requests.
 */
@Component
class BlockBroadcast {

	private final EventBus bus;

	BlockBroadcast(EventBus bus) {
		this.bus = bus;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(SourceBlocked event) {
		this.bus.publish(new SourceGate.Blocked(event.address()));
	}

}
