package dev.parley.conversations.internal;

import java.time.Instant;

import dev.parley.conversations.MessageKind;
import dev.parley.conversations.PreviewAttachment;
import dev.parley.conversations.Side;
import dev.parley.conversations.TimelineEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversation list's one line for the last message. */
class PreviewTests {

	private static Message text(String body) {
		return new Message(0, 1, 1, "c-1", Side.VISITOR, 7L, null, MessageKind.TEXT, body, null, null, null,
				Instant.EPOCH);
	}

	@Test
	void foldsEveryRunOfWhiteSpaceIntoOneSpace() {
		assertThat(Transcript.preview(text("Where is\n\n  my\torder?"))).isEqualTo("Where is my order?");
		assertThat(Transcript.preview(text("你好，\r\n请问"))).isEqualTo("你好， 请问");
	}

	@Test
	void keepsTwoHundredCharactersAndCutsLongerOnes() {
		assertThat(Transcript.preview(text("a".repeat(200)))).isEqualTo("a".repeat(200));
		assertThat(Transcript.preview(text("a".repeat(201)))).isEqualTo("a".repeat(197) + "...");
		// 200 once folded: not cut
		assertThat(Transcript.preview(text("a".repeat(100) + "\n\n\n" + "b".repeat(99))))
			.isEqualTo("a".repeat(100) + " " + "b".repeat(99));
		assertThat(Transcript.preview(text("a".repeat(200) + " b"))).isEqualTo("a".repeat(197) + "...");
	}

	@Test
	void filesAndEventsHaveTheirOwnLine() {
		Message file = new Message(0, 1, 1, "c-1", Side.VISITOR, 7L, null, MessageKind.ATTACHMENT, null, 5L, null, null,
				Instant.EPOCH);
		assertThat(Transcript.preview(file)).isEqualTo("[file]");
		Message event = new Message(0, 1, 1, null, Side.SYSTEM, null, null, MessageKind.EVENT, null, null,
				TimelineEvent.CLOSED, "agent", Instant.EPOCH);
		assertThat(Transcript.preview(event)).isNull();
	}

	@Test
	void aFileIsNamedAndMarkedAsAFileOrAnImage() {
		Message file = new Message(0, 1, 1, "c-1", Side.VISITOR, 7L, null, MessageKind.ATTACHMENT, null, 5L, null, null,
				Instant.EPOCH);
		Attachment pdf = new Attachment(5, "p", 1, "发票 2024.pdf", "application/pdf", 10, false, null, null,
				Instant.EPOCH);
		Attachment photo = new Attachment(5, "p", 1, "photo.png", "image/png", 10, true, 4, 4, Instant.EPOCH);
		assertThat(Transcript.preview(file, pdf)).isEqualTo("发票 2024.pdf");
		assertThat(Transcript.previewAttachment(file, pdf)).isEqualTo(PreviewAttachment.FILE);
		assertThat(Transcript.preview(file, photo)).isEqualTo("photo.png");
		assertThat(Transcript.previewAttachment(file, photo)).isEqualTo(PreviewAttachment.IMAGE);
		Attachment longName = new Attachment(5, "p", 1, "a".repeat(255), "text/plain", 10, false, null, null,
				Instant.EPOCH);
		assertThat(Transcript.preview(file, longName)).hasSize(200).endsWith("...");
		assertThat(Transcript.previewAttachment(text("hi"), null)).isNull();
		assertThat(Transcript.preview(text("hi"), null)).isEqualTo("hi");
	}

}
