package dev.parley.platform.internal;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches virtual threads on when the JVM has them (Java 21+) and nobody configured
 * {@code spring.threads.virtual.enabled} explicitly. Parley is compiled for Java 17, so
 * it still runs on the JDK a fresh Debian machine has, with platform threads there.
 */
class VirtualThreadsByDefault implements EnvironmentPostProcessor {

	static final String PROPERTY = "spring.threads.virtual.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(PROPERTY) && Runtime.version().feature() >= 21) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("parleyVirtualThreads", Map.of(PROPERTY, "true")));
		}
	}

}
