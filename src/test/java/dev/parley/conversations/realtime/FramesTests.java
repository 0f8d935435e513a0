package dev.parley.conversations.realtime;

import dev.parley.platform.PlainText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A frame's text can always be written to a socket: a lone surrogate stored before the
 * one text rule (which no encoder can write, and which broke the socket it was sent to)
 * is replaced when the frame is serialised.
 */
class FramesTests {

	private final Frames frames = new Frames(JsonMapper.builder().build());

	@Test
	void aLoneSurrogateIsReplacedOnceWhenTheFrameIsSerialised() {
		String text = this.frames.text(new ServerFrame.Error("bad_frame", "before \ud800 after", null)).getPayload();
		assertThat(PlainText.problem(text)).isNull();
		assertThat(text).contains("before").contains("after");
	}

	@Test
	void wellFormedTextIsLeftAlone() {
		String text = this.frames.text(new ServerFrame.Error("bad_frame", "你好 😀", null)).getPayload();
		assertThat(text).contains("你好 😀");
	}

}
