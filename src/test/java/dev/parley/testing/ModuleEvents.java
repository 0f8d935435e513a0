package dev.parley.testing;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The state of the module events in the event publication registry, for tests that must
 * know that every listener has run before they assert that something did not happen.
 */
public final class ModuleEvents {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final String UNHANDLED = "WHERE completion_date IS NULL AND (status IS NULL OR status <> 'FAILED')";

	private ModuleEvents() {
	}

	/**
	 * Waits until no published module event is still waiting for or inside a listener. A
	 * listener that publishes events of its own does so before it completes, so those are
	 * waited for too. Failed publications count as handled: they wait for the
	 * resubmission.
	 */
	public static void awaitHandled(JdbcClient jdbc) {
		Eventually.until(() -> "module events handled; still waiting: "
				+ jdbc.sql("SELECT listener_id, status FROM EVENT_PUBLICATION " + UNHANDLED).query().listOfRows(),
				() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION " + UNHANDLED).query(Long.class).single() == 0,
				PATIENCE);
	}

}
