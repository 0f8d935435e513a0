package dev.parley.customers.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Customer imports.
 *
 * @param maxSize the largest CSV file accepted (the multipart limit,
 * {@code spring.servlet.multipart.max-file-size}, caps it too)
 * @param keepFor how long an upload nobody imports or abandons is kept
 */
@ConfigurationProperties("parley.customers.import")
record ImportProperties(@DefaultValue("50MB") DataSize maxSize, @DefaultValue("24h") Duration keepFor) {

	ImportProperties {
		if (maxSize.toBytes() <= 0 || keepFor.isNegative() || keepFor.isZero()) {
			throw new IllegalArgumentException("parley.customers.import.max-size and keep-for must be positive");
		}
	}

}
