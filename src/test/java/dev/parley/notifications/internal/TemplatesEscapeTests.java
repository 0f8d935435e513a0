package dev.parley.notifications.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values reach the HTML escaped however a template writes its tags. */
class TemplatesEscapeTests {

	@Test
	void everyTextValueIsEscapedInListsAndMapsToo() {
		Map<String, Object> escaped = Templates.escaped(Map.of("name", "<b>Li</b>", "count", 3, "lines",
				List.of(Map.of("text", "a & b", "mine", true)), "nested", Map.of("x", "\"q\"")));
		assertThat(escaped).containsEntry("name", "&lt;b&gt;Li&lt;/b&gt;").containsEntry("count", 3);
		assertThat(escaped.get("lines")).isEqualTo(List.of(Map.of("text", "a &amp; b", "mine", true)));
		assertThat(escaped.get("nested")).isEqualTo(Map.of("x", "&quot;q&quot;"));
	}

}
