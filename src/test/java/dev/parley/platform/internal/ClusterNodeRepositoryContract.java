package dev.parley.platform.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.parley.platform.Maintenance;
import dev.parley.platform.MaintenanceReason;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node registry's and maintenance state's rows on every supported database: a node
 * recorded and stamped, found by when it was last seen, its confirmation kept, forgotten
 * after a day; maintenance begun once (a second begin refused), ended only by its own
 * generation.
 */
@Transactional
abstract class ClusterNodeRepositoryContract {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	ClusterNodeRepository nodes;

	@Autowired
	MaintenanceRepository states;

	@Test
	void recordsStampsAndForgetsNodes() {
		String id = UUID.randomUUID().toString();
		String gone = UUID.randomUUID().toString();
		this.nodes.heartbeat(id, "节点-a.example.com", "1.2.3", NOW.minusSeconds(60), NOW.minusSeconds(20));
		this.nodes.heartbeat(id, "节点-a.example.com", "1.2.3", NOW.minusSeconds(60), NOW);
		this.nodes.heartbeat(gone, "b", "1.2.2", NOW.minus(3, ChronoUnit.DAYS), NOW.minus(2, ChronoUnit.DAYS));

		ClusterNodeRepository.NodeRow row = this.nodes.find(id).orElseThrow();
		assertThat(row).isEqualTo(
				new ClusterNodeRepository.NodeRow(id, "节点-a.example.com", "1.2.3", NOW.minusSeconds(60), NOW, 0));
		assertThat(this.nodes.seenSince(NOW.minusSeconds(30))).extracting(ClusterNodeRepository.NodeRow::id)
			.contains(id)
			.doesNotContain(gone);

		this.nodes.acknowledge(id, 7);
		this.nodes.acknowledge(id, 5);
		assertThat(this.nodes.find(id).orElseThrow().maintenanceAck()).as("never goes back").isEqualTo(7);

		assertThat(this.nodes.forgetUnseenSince(NOW.minus(1, ChronoUnit.DAYS))).isGreaterThanOrEqualTo(1);
		assertThat(this.nodes.find(gone)).isEmpty();
		this.nodes.remove(id);
		assertThat(this.nodes.find(id)).isEmpty();
	}

	@Test
	void beginsMaintenanceOnceAndEndsOnlyItsOwnGeneration() {
		assertThat(this.states.load().active()).isFalse();
		Maintenance.Notice notice = new Maintenance.Notice(MaintenanceReason.RESTORE, "回来 «soon» 'q'", NOW, "ada");
		long generation = this.states.begin(notice).orElseThrow();
		assertThat(this.states.begin(notice)).as("already active").isEmpty();
		MaintenanceRepository.State state = this.states.load();
		assertThat(state.generation()).isEqualTo(generation);
		assertThat(state.notice()).isEqualTo(notice);

		assertThat(this.states.end(generation - 1)).as("another generation").isFalse();
		assertThat(this.states.end(generation)).isTrue();
		assertThat(this.states.load().active()).isFalse();
		assertThat(this.states.end(null)).isFalse();
		long next = this.states.begin(notice).orElseThrow();
		assertThat(next).isEqualTo(generation + 1);
		assertThat(this.states.end(null)).isTrue();
	}

}
