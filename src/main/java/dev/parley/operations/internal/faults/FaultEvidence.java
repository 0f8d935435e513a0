package dev.parley.operations.internal.faults;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Asks every {@link EvidenceSource} for a fault's window and keeps what they answer
 * ({@code fault_evidence}). Runs after the fault's own transaction committed and outside
 * any transaction, each source on its own, so a source that fails or is slow cannot undo
 * or hold the fault: its failure is logged and nothing is stored for it.
 */
@Component
class FaultEvidence {

	/** The window begins this long before the fault's start. */
	static final Duration BEFORE_START = Duration.ofMinutes(15);

	/** The largest payload kept. */
	static final int MAX_PAYLOAD_BYTES = 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(FaultEvidence.class);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<EvidenceSource> sources;

	private final FaultRepository faults;

	private final Clock clock;

	FaultEvidence(List<EvidenceSource> sources, FaultRepository faults, Clock clock) {
		this.sources = sources;
		this.faults = faults;
		this.clock = clock;
	}

	/**
	 * @param phase {@code OPENED} or {@code RESOLVED}
	 * @param until the window's end: now when opened, the resolution when resolved
	 */
	void capture(Fault fault, String phase, Instant until) {
		Instant from = fault.startedAt().minus(BEFORE_START);
		Instant to = until.isBefore(from) ? from : until;
		for (EvidenceSource source : this.sources) {
			try {
				String payload = checked(source.capture(from, to));
				this.faults.addEvidence(fault.id(), source.kind(), phase, from, to, this.clock.instant(), payload);
			}
			catch (RuntimeException ex) {
				logger.warn("Evidence source {} ({}) gave nothing for fault {} ({} .. {})", source.getClass().getName(),
						source.kind(), fault.id(), from, to, ex);
			}
		}
	}

	private static String checked(String payload) {
		if (payload == null) {
			throw new IllegalArgumentException("no payload");
		}
		if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
			throw new IllegalArgumentException("payload larger than " + MAX_PAYLOAD_BYTES + " bytes");
		}
		JsonNode node;
		try {
			node = json.readTree(payload);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("payload is not JSON", ex);
		}
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException("payload is not a JSON object");
		}
		return payload;
	}

}
