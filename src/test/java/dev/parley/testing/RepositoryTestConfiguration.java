package dev.parley.testing;

import dev.parley.ParleyApplication;
import dev.parley.platform.internal.FlywayPlaceholders;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Repository;

/**
 * Every repository of every module, and the placeholders the shared migrations need: one
 * configuration for all repository contract tests, so those of all modules share one
 * Spring context per database engine instead of starting one per repository.
 */
@TestConfiguration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = ParleyApplication.class, useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Repository.class))
@Import(FlywayPlaceholders.class)
public class RepositoryTestConfiguration {

}
