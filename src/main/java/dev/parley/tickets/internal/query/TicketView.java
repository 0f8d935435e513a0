package dev.parley.tickets.internal.query;

import java.util.Locale;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.platform.ApiException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The standard views of the ticket list (the console's navigation). */
public enum TicketView {

	MINE, UNASSIGNED, MY_GROUPS, OVERDUE, DUE_SOON, PENDING, ALL;

	/** How soon an SLA or a due date counts as "due soon" (minutes). */
	static final String DUE_SOON_SETTING = "tickets.dueSoonMinutes";

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TicketView of(String param) {
		for (TicketView view : values()) {
			if (view.param().equals(param)) {
				return view;
			}
		}
		throw ApiException.invalid("view", "one of mine, unassigned, my_groups, overdue, due_soon, pending, all");
	}

	@Configuration(proxyBeanMethods = false)
	static class Definitions {

		@Bean
		static SettingDefinitions ticketViewSettingDefinitions() {
			return new SettingDefinitions(SettingDefinition.integer(DUE_SOON_SETTING, 60, 1, 10080));
		}

	}

}
