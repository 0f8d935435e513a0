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
 * @param maxRows the most rows one import writes: they are written in one transaction,
 * which H2 holds in the heap until it commits (about 3 KB a row)
 */
@ConfigurationProperties("parley.customers.import")
record ImportProperties(@DefaultValue("50MB") DataSize maxSize, @DefaultValue("24h") Duration keepFor,
		@DefaultValue("200000") int maxRows) {

	ImportProperties {
		if (maxSize.toBytes() <= 0 || keepFor.isNegative() || keepFor.isZero() || maxRows <= 0) {
			throw new IllegalArgumentException(
					"parley.customers.import.max-size, keep-for and max-rows must be positive");
		}
	}

}
