package dev.parley.platform.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the maintenance gate in front of every API endpoint. */
@Configuration(proxyBeanMethods = false)
class MaintenanceConfiguration implements WebMvcConfigurer {

	private final MaintenanceInterceptor interceptor;

	MaintenanceConfiguration(MaintenanceInterceptor interceptor) {
		this.interceptor = interceptor;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.interceptor).addPathPatterns("/api/**");
	}

}
