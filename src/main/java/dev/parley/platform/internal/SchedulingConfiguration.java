package dev.parley.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (sweeps, timeouts) run on Spring's scheduler; module listeners
 * ({@code @ApplicationModuleListener}) run asynchronously on Spring's task executor.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

}
