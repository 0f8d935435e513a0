package dev.parley.identity.internal;

import java.util.List;
import java.util.Locale;

/**
 * The browser and system a session signed in from, read from its {@code User-Agent} for
 * people to recognise their own devices ("Chrome on Windows"). A handful of well-known
 * tokens, checked in an order that respects how browsers copy each other's tokens (Edge
 * and Opera say "Chrome", Chrome says "Safari", Android says "Linux"); anything else is
 * unknown (null). Not for decisions: a client writes what it likes here.
 *
 * @param browser e.g. {@code Chrome}, or null
 * @param system e.g. {@code Windows}, or null
 */
public record DeviceName(String browser, String system) {

	private static final List<String[]> BROWSERS = List.of(new String[] { "micromessenger/", "WeChat" },
			new String[] { "edg/", "Edge" }, new String[] { "edga/", "Edge" }, new String[] { "edgios/", "Edge" },
			new String[] { "opr/", "Opera" }, new String[] { "samsungbrowser/", "Samsung Internet" },
			new String[] { "firefox/", "Firefox" }, new String[] { "fxios/", "Firefox" },
			new String[] { "crios/", "Chrome" }, new String[] { "chromium/", "Chromium" },
			new String[] { "chrome/", "Chrome" }, new String[] { "safari/", "Safari" },
			new String[] { "curl/", "curl" }, new String[] { "java-http-client", "Java" },
			new String[] { "java/", "Java" });

	private static final List<String[]> SYSTEMS = List.of(new String[] { "windows", "Windows" },
			new String[] { "iphone", "iOS" }, new String[] { "ipad", "iPadOS" }, new String[] { "android", "Android" },
			new String[] { "cros", "ChromeOS" }, new String[] { "mac os x", "macOS" },
			new String[] { "macintosh", "macOS" }, new String[] { "linux", "Linux" });

	/** Reads a {@code User-Agent}; null or blank gives an unknown device. */
	public static DeviceName of(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return new DeviceName(null, null);
		}
		String lower = userAgent.toLowerCase(Locale.ROOT);
		return new DeviceName(first(BROWSERS, lower), first(SYSTEMS, lower));
	}

	private static String first(List<String[]> tokens, String lower) {
		for (String[] token : tokens) {
			if (lower.contains(token[0])) {
				return token[1];
			}
		}
		return null;
	}

	/** In English, for logs and the API: "Chrome on Windows", "Firefox", "Unknown". */
	public String describe() {
		if (this.browser == null && this.system == null) {
			return "Unknown";
		}
		if (this.system == null) {
			return this.browser;
		}
		return (this.browser != null) ? this.browser + " on " + this.system : this.system;
	}

}
