package dev.parley.conversations.realtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import dev.parley.platform.ApiException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal of the chat service becomes the error frame of the same code, so that a
 * message the server could not store in time reaches the client as the retryable
 * {@code unavailable} (it used to arrive as {@code validation_failed}, and the widget
 * marked it failed instead of sending it again).
 */
class FrameErrorTests {

	@Test
	void aRefusalKeepsItsCode() {
		assertThat(FrameError.of(new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "later")))
			.isEqualTo(FrameError.UNAVAILABLE);
		assertThat(FrameError.of(new ApiException(HttpStatus.CONFLICT, "not_assigned", "take it")))
			.isEqualTo(FrameError.NOT_ASSIGNED);
		assertThat(FrameError.of(new ApiException(HttpStatus.CONFLICT, "conversation_closed", "closed")))
			.isEqualTo(FrameError.CONVERSATION_CLOSED);
		assertThat(FrameError.of(new ApiException(HttpStatus.NOT_FOUND, "not_found", "no")))
			.isEqualTo(FrameError.NOT_FOUND);
		assertThat(FrameError.of(new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", "slow down")))
			.isEqualTo(FrameError.RATE_LIMITED);
	}

	@Test
	void aRefusalWithoutAFrameCodeIsAboutAField() {
		assertThat(FrameError.of(new ApiException(HttpStatus.BAD_REQUEST, "duplicate_group", "taken")))
			.isEqualTo(FrameError.VALIDATION_FAILED);
	}

	@Test
	void everyErrorCodeAndServerFrameIsDocumented() throws IOException {
		String protocol = Files.readString(Path.of("docs/protocol.md"));
		for (FrameError error : FrameError.values()) {
			assertThat(protocol).as("error code %s in docs/protocol.md", error.code())
				.contains("| `" + error.code() + "` |");
		}
		for (Class<?> frame : ServerFrame.class.getPermittedSubclasses()) {
			String type = frame.getSimpleName().toLowerCase(Locale.ROOT);
			assertThat(protocol).as("server frame %s in docs/protocol.md", type).contains("| `" + type + "` |");
		}
	}

	@Test
	void codesAreTheDocumentedSnakeCaseNames() {
		assertThat(FrameError.UNAVAILABLE.code()).isEqualTo("unavailable");
		assertThat(FrameError.CONVERSATION_CLOSED.code()).isEqualTo("conversation_closed");
		assertThat(FrameError.INTERNAL_ERROR.code()).isEqualTo("internal_error");
	}

}
