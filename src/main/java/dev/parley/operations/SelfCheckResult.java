package dev.parley.operations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one {@link SelfCheck}: its status, a detail saying what was found and,
 * when something can be done, a fix hint. Texts are message keys with named arguments,
 * given as pairs: {@code ok("selfCheck.disk.free", "path", path, "percent", 42)}.
 *
 * @param status how it came out
 * @param detail what was found
 * @param fix what to do about it, or null
 */
public record SelfCheckResult(SelfCheckStatus status, Text detail, Text fix) {

	public static SelfCheckResult ok(String detailKey, Object... arguments) {
		return new SelfCheckResult(SelfCheckStatus.OK, Text.of(detailKey, arguments), null);
	}

	public static SelfCheckResult warning(String detailKey, Object... arguments) {
		return new SelfCheckResult(SelfCheckStatus.WARNING, Text.of(detailKey, arguments), null);
	}

	public static SelfCheckResult failed(String detailKey, Object... arguments) {
		return new SelfCheckResult(SelfCheckStatus.FAILED, Text.of(detailKey, arguments), null);
	}

	/** The same result with a fix hint. */
	public SelfCheckResult withFix(String fixKey, Object... arguments) {
		return new SelfCheckResult(this.status, this.detail, Text.of(fixKey, arguments));
	}

	/**
	 * A text of the message bundles and the values of its {@code {name}} placeholders.
	 */
	public record Text(String key, Map<String, Object> arguments) {

		public Text {
			arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
		}

		/**
		 * @param arguments name, value, name, value ...
		 */
		public static Text of(String key, Object... arguments) {
			if (arguments.length % 2 != 0) {
				throw new IllegalArgumentException("Arguments come in name-value pairs: " + key);
			}
			Map<String, Object> named = new LinkedHashMap<>();
			for (int i = 0; i < arguments.length; i += 2) {
				named.put(String.valueOf(arguments[i]), arguments[i + 1]);
			}
			return new Text(key, named);
		}

	}

}
