package dev.parley.tickets.internal.automation;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The tickets' settings an administrator changes at run time (docs/tickets.md). */
@Configuration(proxyBeanMethods = false)
public class TicketSettings {

	static final String FROM_LEFT_MESSAGES = "tickets.fromLeftMessages";

	static final String CLOSE_AFTER_DAYS = "tickets.closeAfterDays";

	private final Settings settings;

	TicketSettings(Settings settings) {
		this.settings = settings;
	}

	@Bean
	static SettingDefinitions ticketSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.bool(FROM_LEFT_MESSAGES, false),
				SettingDefinition.integer(CLOSE_AFTER_DAYS, 7, 0, 365));
	}

	/** Whether a message a visitor leaves becomes a ticket. */
	public boolean fromLeftMessages() {
		return Boolean.parseBoolean(this.settings.get(FROM_LEFT_MESSAGES));
	}

	/** Days after which a solved ticket is closed; 0: never. */
	public int closeAfterDays() {
		return this.settings.getInt(CLOSE_AFTER_DAYS);
	}

}
