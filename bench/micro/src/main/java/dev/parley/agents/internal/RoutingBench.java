package dev.parley.agents.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.parley.agents.AgentStatus;
import dev.parley.agents.RoutingStrategy;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The routing decision without its queries: ranking the online agents of a group by
 * strategy and load.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class RoutingBench {

	@Param({ "10", "100", "1000" })
	int agents;

	@Param({ "least_busy", "round_robin" })
	String strategy;

	private List<AgentProfile> online;

	private Map<Long, Integer> loads;

	@Setup
	public void setUp() {
		Random random = new Random(42);
		this.online = new ArrayList<>();
		this.loads = new HashMap<>();
		for (long id = 1; id <= this.agents; id++) {
			this.online.add(new AgentProfile(id, null, List.of("en"), List.of(), 5, AgentStatus.ONLINE, Instant.EPOCH,
					random.nextInt(100_000)));
			this.loads.put(id, random.nextInt(6));
		}
	}

	@Benchmark
	public List<AgentProfile> rank() {
		return RoutingCandidates.rank(this.online, this.loads, RoutingStrategy.valueOf(this.strategy.toUpperCase()));
	}

}
