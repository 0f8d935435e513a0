package dev.parley.platform;

/**
 * Builds SQL {@code LIKE} patterns from user text. The escape character is {@code !},
 * written as {@code ESCAPE '!'} in the query: a backslash would mean different things on
 * MySQL and on PostgreSQL/H2.
 */
public final class LikePattern {

	private LikePattern() {
	}

	/**
	 * @return a pattern matching any value that contains {@code text} literally
	 */
	public static String contains(String text) {
		return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

}
