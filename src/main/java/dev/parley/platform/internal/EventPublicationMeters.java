package dev.parley.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The module events not yet handled by their listener, as meters: how many and how old
 * the oldest is (a listener that keeps failing shows as an age that grows). Read from the
 * publication registry at most every 15 seconds, however often the meters are scraped.
 */
@Component
class EventPublicationMeters implements MeterBinder {

	private static final Duration FRESH = Duration.ofSeconds(15);

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile Backlog last;

	EventPublicationMeters(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("parley.events.publications.incomplete", this, (meters) -> meters.backlog().count())
			.description("Module event publications whose listener has not completed")
			.register(registry);
		Gauge.builder("parley.events.publications.oldest.age", this, (meters) -> meters.backlog().oldestAgeSeconds())
			.description("Age of the oldest incomplete module event publication")
			.baseUnit("seconds")
			.register(registry);
	}

	Backlog backlog() {
		Instant now = this.clock.instant();
		Backlog backlog = this.last;
		if (backlog == null || backlog.readAt().plus(FRESH).isBefore(now) || backlog.readAt().isAfter(now)) {
			backlog = this.jdbc
				.sql("SELECT COUNT(*), MIN(PUBLICATION_DATE) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL")
				.query((rs, row) -> {
					Timestamp oldest = rs.getTimestamp(2);
					double age = (oldest != null) ? Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds())
							: 0;
					return new Backlog(rs.getLong(1), age, now);
				})
				.single();
			this.last = backlog;
		}
		return backlog;
	}

	record Backlog(long count, double oldestAgeSeconds, Instant readAt) {
	}

}
