package dev.parley.customers.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * A custom attribute an administrator defined for customers.
 *
 * @param sensitive its TEXT values are stored sealed (platform.PersonalData) and shown
 * masked, like e-mail addresses
 * @param pattern TEXT: a regular expression the whole value must match; null for any
 */
public record AttributeDefinition(long id, String key, String label, AttributeType type, List<String> choices,
		boolean required, boolean sensitive, String pattern, Integer maxLength, BigDecimal min, BigDecimal max,
		int position) {
}
