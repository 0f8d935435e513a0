package dev.parley.operations.internal.monitoring;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Times every HTTP answer, before any other filter, so that the whole of it is counted.
 */
@Configuration(proxyBeanMethods = false)
class MonitoringConfiguration {

	@Bean
	FilterRegistrationBean<HttpTimings> httpTimings(MeterRegistry registry) {
		FilterRegistrationBean<HttpTimings> registration = new FilterRegistrationBean<>(new HttpTimings(registry));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
