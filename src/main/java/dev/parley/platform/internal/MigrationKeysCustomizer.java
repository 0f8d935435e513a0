package dev.parley.platform.internal;

import dev.parley.platform.MigrationKeys;
import dev.parley.platform.PersonalData;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives the Java migrations the personal data keys before Flyway runs (Spring Boot
 * creates every customizer before it migrates).
 */
@Component
class MigrationKeysCustomizer implements FlywayConfigurationCustomizer {

	MigrationKeysCustomizer(PersonalData personalData) {
		MigrationKeys.use(personalData);
	}

	@Override
	public void customize(FluentConfiguration configuration) {
	}

}
