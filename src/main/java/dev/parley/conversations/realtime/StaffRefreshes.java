package dev.parley.conversations.realtime;

import dev.parley.platform.EventBus;
import dev.parley.platform.StaffActor;
import dev.parley.platform.StaffRefresh;
import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Passes each {@link StaffRefresh} heard on the bus to this node's staff connections
 * whose member holds its permission (as he holds it now), as a {@code refresh} frame: one
 * encoded text for all of them, queued on each connection's outbox (never waiting for a
 * slow one).
 */
@Component
class StaffRefreshes {

	private final ConnectionRegistry registry;

	private final Frames frames;

	private final EventBus.Subscription subscription;

	StaffRefreshes(ConnectionRegistry registry, Frames frames, EventBus bus) {
		this.registry = registry;
		this.frames = frames;
		this.subscription = bus.subscribe(StaffRefresh.class, this::tell);
	}

	void tell(StaffRefresh refresh) {
		TextMessage text = null;
		for (Connection connection : this.registry.staff()) {
			StaffActor actor = connection.actor();
			if (actor != null && actor.can(refresh.permission())) {
				text = (text != null) ? text : this.frames.text(new ServerFrame.Refresh(refresh.topic()));
				connection.send(text);
			}
		}
	}

	@PreDestroy
	void stop() {
		this.subscription.close();
	}

}
