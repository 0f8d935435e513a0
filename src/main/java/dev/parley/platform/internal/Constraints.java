package dev.parley.platform.internal;

import java.util.Map;

import jakarta.validation.ConstraintViolation;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.ObjectError;

/**
 * What a broken bean-validation constraint says, as one of the English sentences of the
 * {@code validation.*} texts (so that {@link ProblemTexts} answers it in the request's
 * language), whatever language the validator itself used.
 */
final class Constraints {

	private Constraints() {
	}

	static String sentence(MessageSourceResolvable error) {
		if (error instanceof ObjectError objectError && objectError.contains(ConstraintViolation.class)) {
			return sentence(objectError.unwrap(ConstraintViolation.class));
		}
		return String.valueOf(error.getDefaultMessage());
	}

	static String sentence(ConstraintViolation<?> violation) {
		var descriptor = violation.getConstraintDescriptor();
		Map<String, Object> attributes = descriptor.getAttributes();
		String template = violation.getMessageTemplate();
		if (template != null && !template.startsWith("{")) {
			return template;
		}
		boolean text = violation.getInvalidValue() == null || violation.getInvalidValue() instanceof CharSequence;
		return switch (descriptor.getAnnotation().annotationType().getSimpleName()) {
			case "NotBlank" -> "must not be blank";
			case "NotNull" -> "must not be null";
			case "NotEmpty" -> "must not be empty";
			case "Size" -> size(attributes.get("min"), attributes.get("max"), text);
			case "Min", "DecimalMin" -> "must be at least " + attributes.get("value");
			case "Max", "DecimalMax" -> "must be at most " + attributes.get("value");
			case "Positive" -> "must be positive";
			case "PositiveOrZero" -> "must not be negative";
			case "Email" -> "must be an e-mail address";
			default -> "has the wrong format";
		};
	}

	private static String size(Object min, Object max, boolean text) {
		if (text) {
			return (Integer.valueOf(0).equals(min)) ? "must be at most " + max + " characters"
					: "must be " + min + "-" + max + " characters";
		}
		return "must have " + min + "-" + max + " entries";
	}

}
