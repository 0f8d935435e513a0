package dev.parley.conversations.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation list's one line for the last message. */
class PreviewTests {

	private static Message text(String body) {
		return new Message(0, 1, 1, "c-1", Message.VISITOR, 7L, null, Message.TEXT, body, null, null, null,
				Instant.EPOCH);
	}

	@Test
	void foldsEveryRunOfWhiteSpaceIntoOneSpace() {
		assertThat(Conversations.preview(text("Where is\n\n  my\torder?"))).isEqualTo("Where is my order?");
		assertThat(Conversations.preview(text("你好，\r\n请问"))).isEqualTo("你好， 请问");
	}

	@Test
	void keepsTwoHundredCharactersAndCutsLongerOnes() {
		assertThat(Conversations.preview(text("a".repeat(200)))).isEqualTo("a".repeat(200));
		assertThat(Conversations.preview(text("a".repeat(201)))).isEqualTo("a".repeat(197) + "...");
		// 200 once folded: not cut
		assertThat(Conversations.preview(text("a".repeat(100) + "\n\n\n" + "b".repeat(99))))
			.isEqualTo("a".repeat(100) + " " + "b".repeat(99));
		assertThat(Conversations.preview(text("a".repeat(200) + " b"))).isEqualTo("a".repeat(197) + "...");
	}

	@Test
	void filesAndEventsHaveTheirOwnLine() {
		Message file = new Message(0, 1, 1, "c-1", Message.VISITOR, 7L, null, Message.ATTACHMENT, null, 5L, null, null,
				Instant.EPOCH);
		assertThat(Conversations.preview(file)).isEqualTo("[file]");
		Message event = new Message(0, 1, 1, null, Message.SYSTEM, null, null, Message.EVENT, null, null, "closed",
				"agent", Instant.EPOCH);
		assertThat(Conversations.preview(event)).isNull();
	}

}
