package dev.parley.conversations.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live-chat settings an administrator changes at run time. Read on the message path, so
 * each value is kept for a few seconds instead of being read from the database per
 * message; a change reaches every node within that time.
 */
@Configuration(proxyBeanMethods = false)
public class ChatSettings {

	private static final long CACHE_MILLIS = 5_000;

	private final Settings settings;

	private final Clock clock;

	private final Map<String, Cached> cache = new ConcurrentHashMap<>();

	ChatSettings(Settings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	@Bean
	static SettingDefinitions chatSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer("chat.inactivityCloseMinutes", 30, 0, 10080),
				SettingDefinition.integer("chat.reopenWindowMinutes", 10, 0, 1440),
				SettingDefinition.integer("chat.maxTextLength", 4000, 100, 4000),
				SettingDefinition.integer("chat.attachmentMaxMegabytes", 10, 1, 50),
				SettingDefinition.integer("chat.offerMessageAfterSeconds", 180, 0, 86400));
	}

	/** Idle time after which an open conversation is closed; zero when never. */
	public Duration inactivityClose() {
		return Duration.ofMinutes(value("chat.inactivityCloseMinutes"));
	}

	/** How long after closing a visitor's new message reopens the same conversation. */
	public Duration reopenWindow() {
		return Duration.ofMinutes(value("chat.reopenWindowMinutes"));
	}

	public int maxTextLength() {
		return value("chat.maxTextLength");
	}

	/**
	 * How long a visitor waits in the queue before being offered to leave a message; zero
	 * when never.
	 */
	public Duration offerMessageAfter() {
		return Duration.ofSeconds(value("chat.offerMessageAfterSeconds"));
	}

	public long attachmentMaxBytes() {
		return value("chat.attachmentMaxMegabytes") * 1024L * 1024L;
	}

	private int value(String key) {
		long now = this.clock.millis();
		Cached cached = this.cache.get(key);
		if (cached == null || now - cached.readAt() > CACHE_MILLIS || now < cached.readAt()) {
			cached = new Cached(this.settings.getInt(key), now);
			this.cache.put(key, cached);
		}
		return cached.value();
	}

	private record Cached(int value, long readAt) {
	}

}
