package dev.parley.conversations.internal;

import java.time.Duration;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live-chat settings an administrator changes at run time. Read on the message path
 * through the settings' cache, so a message costs no database read for them and a change
 * is in force on every node as soon as it commits.
 */
@Configuration(proxyBeanMethods = false)
public class ChatSettings {

	private final Settings settings;

	ChatSettings(Settings settings) {
		this.settings = settings;
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
		return this.settings.getInt(key);
	}

}
