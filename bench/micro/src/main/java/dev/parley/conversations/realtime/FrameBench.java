package dev.parley.conversations.realtime;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;
import dev.parley.conversations.views.ChatViews.MessageView;
import dev.parley.conversations.views.ChatViews.SenderView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realtime gateway's work per chat message outside the database: reading a client's
 * {@code send} frame (as {@code Gateway.receive} and {@code send} do), and writing the
 * {@code message} frame that fans out to everyone in the conversation (once per message,
 * whatever the number of receivers).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class FrameBench {

	/** As Parley's (Spring Boot's defaults, nulls included). */
	private final JsonMapper json = JsonMapper.builder().build();

	private final String send = "{\"type\":\"send\",\"ref\":\"r-1042\",\"conversationId\":48213,"
			+ "\"clientId\":\"c-5f0e8b1a-0042\",\"text\":\"Hello, I ordered a blue jacket last week and it has "
			+ "not arrived yet. Could you check where it is?\"}";

	private final MessageView message = new MessageView(9817234, 48213, 42, "c-5f0e8b1a-0042", MessageKind.TEXT,
			new SenderView(Side.VISITOR, 77312L, null, null),
			"Hello, I ordered a blue jacket last week and it has not arrived yet. Could you check where it is?", null,
			null, Instant.parse("2026-11-30T08:15:30.123Z"));

	private final Frames frames = new Frames(this.json);

	@Benchmark
	public void parseSend(Blackhole out) {
		ClientFrame frame = ClientFrame.parse(this.json, this.send);
		JsonNode body = frame.body();
		out.consume(frame.type());
		out.consume(frame.ref());
		out.consume(body.path("conversationId").asLong());
		out.consume(body.path("clientId").asString(null));
		out.consume(body.path("text").asString());
	}

	@Benchmark
	public String encodeMessage() {
		return this.frames.text(new ServerFrame.Message(48213, this.message)).getPayload();
	}

}
