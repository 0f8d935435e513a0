package dev.parley.testing;

import java.time.Clock;

import dev.parley.ParleyApplication;
import dev.parley.platform.SecretBox;
import dev.parley.platform.internal.FlywayPlaceholders;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Repository;

/**
 * Every repository of every module (with the secret box some of them seal secrets with),
 * and the placeholders the shared migrations need: one configuration for all repository
 * contract tests, so those of all modules share one Spring context per database engine
 * instead of starting one per repository.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ParleyApplication.class, useDefaultFilters = false,
		includeFilters = { @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Repository.class),
				// repositories that store secrets seal them (mail_account)
				@ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = SecretBox.class) })
@Import(FlywayPlaceholders.class)
public class RepositoryTestConfiguration {

	/** The time a repository stamps its changes with (mail_account). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
