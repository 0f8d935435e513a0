package dev.parley.operations.internal.logs;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The slow-query proxy and where this node's log files are. */
@Configuration(proxyBeanMethods = false)
class LogsConfiguration {

	@Bean
	static BeanPostProcessor slowQueries(Environment environment) {
		return new SlowQueries(environment);
	}

	@Bean
	LogDirectory logDirectory(LogsProperties properties, @Value("${parley.data-dir}") Path dataDir) {
		return new LogDirectory(LogFileAppenders.installedDirectory().orElseGet(() -> properties.directory(dataDir)));
	}

	/** This node's log files are in {@code path}. */
	record LogDirectory(Path path) {
	}

}
