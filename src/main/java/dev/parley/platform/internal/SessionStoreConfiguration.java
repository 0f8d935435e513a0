package dev.parley.platform.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The node keeps serving while its session store is away: the {@link SessionStoreGuard}
 * in front of Spring Session's filter and, in a cluster, a Redis client that fails fast
 * (timeouts in application-cluster.yml) and reconnects soon after Redis is back.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

	/** How long console calls are answered 503 at once before a trial call. */
	static final Duration OPEN_FOR = Duration.ofSeconds(5);

	@Bean
	FilterRegistrationBean<SessionStoreGuard> sessionStoreGuard(ProblemWriter problems,
			@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
		FilterRegistrationBean<SessionStoreGuard> registration = new FilterRegistrationBean<>(
				new SessionStoreGuard(sessionCookie, problems, OPEN_FOR));
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("cluster")
	static class FailFastRedis {

		/**
		 * A command on a lost connection fails at once instead of waiting in a queue for
		 * the command timeout.
		 */
		@Bean
		LettuceClientOptionsBuilderCustomizer rejectWhileDisconnected() {
			return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
		}

		/**
		 * Reconnect attempts at most two seconds apart (Lettuce's default backs off to 30
		 * s), so the console works again soon after Redis is back.
		 */
		@Bean
		ClientResourcesBuilderCustomizer quickReconnect() {
			return (resources) -> resources.reconnectDelay(
					Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS));
		}

	}

}
