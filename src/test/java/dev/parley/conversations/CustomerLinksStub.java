package dev.parley.conversations;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the customers module provides in the whole application, for module tests that
 * start live chat without it: every visitor is a customer of his own, nobody is blocked.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CustomerLinksStub {

	@Bean
	CustomerLinks customerLinks() {
		AtomicLong ids = new AtomicLong(1_000_000);
		return new CustomerLinks() {

			@Override
			public long link(VisitorFacts facts) {
				return (facts.customerId() != null) ? facts.customerId() : ids.incrementAndGet();
			}

			@Override
			public Optional<CustomerBlock> block(long customerId) {
				return Optional.empty();
			}

			@Override
			public RoutingNeeds routingNeeds(long customerId) {
				return RoutingNeeds.NONE;
			}

		};
	}

}
