package dev.parley.administration.internal;

import java.util.List;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The organisation's name, default language and time zone, first set on the install page.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationSettings {

	/** Languages the UI and the server's messages exist in. */
	static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-TW");

	@Bean
	SettingDefinitions organisationSettingDefinitions() {
		return new SettingDefinitions(SettingDefinition.text("organisation.name", "Parley", 200),
				SettingDefinition.choice("organisation.language", "en", LANGUAGES),
				SettingDefinition.zone("organisation.timeZone", "UTC"),
				SettingDefinition.url("organisation.publicUrl", "http://localhost:8080"));
	}

}
