package dev.parley.platform.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;

/**
 * A node that commits an event and dies before its listeners run: its executor never runs
 * what it is given.
 *
 * <p>
 * Not a {@code @Configuration}: component scanning would then add it to every test's
 * application; the tests that want it pass it as a source.
 */
class DyingNode {

	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	TaskExecutor droppingExecutor() {
		return (task) -> {
		};
	}

}
