package dev.parley.conversations.internal;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.parley.conversations.MessageKind;
import dev.parley.conversations.Side;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Work on every stored message besides the queries: the conversation list's preview of
 * the last message (whitespace folded, cut at 200 characters).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MessageBench {

	private final Message message = new Message(0, 48213, 42, "c-5f0e8b1a-0042", Side.VISITOR, 77312L, null,
			MessageKind.TEXT,
			"Hello,\nI ordered a blue jacket last week  and it has not arrived yet. Could you check "
					+ "where it is? The order number is 2026-11-4471.",
			null, null, null, Instant.parse("2026-11-30T08:15:30.123Z"));

	@Benchmark
	public String preview() {
		return Transcript.preview(this.message);
	}

}
