package dev.parley.notifications.internal;

import java.util.List;
import java.util.Locale;

/** The languages notifications are written in, and how other tags map onto them. */
public final class Languages {

	public static final List<String> SUPPORTED = List.of("en", "zh-CN", "zh-TW");

	private Languages() {
	}

	/**
	 * @return en, zh-CN or zh-TW for a tag that means one of them (zh-Hans, zh_CN, zh-HK,
	 * en-GB ...), null for anything else
	 */
	public static String supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
		if (t.equals("zh-tw") || t.equals("zh-hk") || t.equals("zh-mo") || t.startsWith("zh-hant")) {
			return "zh-TW";
		}
		if (t.equals("zh") || t.startsWith("zh-")) {
			return "zh-CN";
		}
		if (t.equals("en") || t.startsWith("en-")) {
			return "en";
		}
		return null;
	}

}
