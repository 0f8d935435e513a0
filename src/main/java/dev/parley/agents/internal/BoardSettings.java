package dev.parley.agents.internal;

import java.time.Duration;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the supervisor's live board. */
@Configuration(proxyBeanMethods = false)
public class BoardSettings {

	static final String REPLY_WARNING = "routing.replyWarningSeconds";

	private final Settings settings;

	BoardSettings(Settings settings) {
		this.settings = settings;
	}

	@Bean
	static SettingDefinitions boardSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.integer(REPLY_WARNING, 120, 10, 86400));
	}

	/**
	 * How long a visitor may wait for a reply before the board highlights the
	 * conversation.
	 */
	public Duration replyWarning() {
		return Duration.ofSeconds(this.settings.getInt(REPLY_WARNING));
	}

}
