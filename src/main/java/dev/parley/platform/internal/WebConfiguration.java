package dev.parley.platform.internal;

import java.time.Clock;
import java.time.Duration;

import dev.parley.platform.InstallationState;
import dev.parley.platform.SourceGate;
import dev.parley.platform.SourceSignals;
import dev.parley.platform.SourceVerdict;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Static assets with long cache lifetimes, the installation gate, request limits, the
 * answers to malformed requests, the clock.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final StaticAssets assets;

	WebConfiguration(StaticAssets assets) {
		this.assets = assets;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(this.assets.prefix() + "/**")
			.addResourceLocations("classpath:/web/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

	/**
	 * The request's language (and attributes) for everything after the malformed-request
	 * filter, earlier than Spring Boot's default, so that the problems the installation
	 * gate, the size limit and the session store guard write are in that language too.
	 */
	@Bean
	OrderedRequestContextFilter requestContextFilter() {
		OrderedRequestContextFilter filter = new OrderedRequestContextFilter();
		filter.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		return filter;
	}

	/**
	 * Right after the request's attributes are set (so the client address and the
	 * problem's language are known), before the size limit, the installation gate, the
	 * session and security: a blocked address costs no other work.
	 */
	@Bean
	FilterRegistrationBean<SourceGateFilter> sourceGate(ObjectProvider<SourceGate> gate,
			ObjectProvider<SourceSignals> signals, ProblemWriter problems) {
		FilterRegistrationBean<SourceGateFilter> registration = new FilterRegistrationBean<>(
				new SourceGateFilter(() -> gate.getIfAvailable(() -> (address, staffArea) -> SourceVerdict.PASS),
						() -> signals.getIfAvailable(() -> (signal, address) -> {
						}), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
		return registration;
	}

	@Bean
	FilterRegistrationBean<InstallationGateFilter> installationGate(InstallationState installation,
			ProblemWriter problems) {
		FilterRegistrationBean<InstallationGateFilter> registration = new FilterRegistrationBean<>(
				new InstallationGateFilter(installation, problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimit(PlatformProperties properties,
			ProblemWriter problems) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new RequestSizeLimitFilter(properties.maxRequestBody().toBytes(), properties.maxUploadBody().toBytes(),
						problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/**
	 * Outermost: every line of a request, a refused one too, carries its correlation id.
	 */
	@Bean
	FilterRegistrationBean<CorrelationFilter> correlation() {
		FilterRegistrationBean<CorrelationFilter> registration = new FilterRegistrationBean<>(new CorrelationFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	@Bean
	FilterRegistrationBean<MalformedRequestFilter> malformedRequests(ProblemWriter problems) {
		FilterRegistrationBean<MalformedRequestFilter> registration = new FilterRegistrationBean<>(
				new MalformedRequestFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/**
	 * Runs after Spring Boot's own customizer (order 0), so that its error report valve
	 * is the one replaced.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers((context) -> ProblemReportValve.install(context.getParent()));
			}

		};
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
