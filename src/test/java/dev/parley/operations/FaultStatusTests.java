package dev.parley.operations;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static dev.parley.operations.FaultStatus.FIXING;
import static dev.parley.operations.FaultStatus.INVESTIGATING;
import static dev.parley.operations.FaultStatus.RECOVERING;
import static dev.parley.operations.FaultStatus.REPORTED;
import static dev.parley.operations.FaultStatus.RESOLVED;
import static dev.parley.operations.FaultStatus.REVIEWED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault flow's moves, every pair of statuses: allowed ones, and which need a note.
 */
class FaultStatusTests {

	private static final Map<FaultStatus, Set<FaultStatus>> ALLOWED = Map.of(REPORTED,
			EnumSet.of(INVESTIGATING, RESOLVED), INVESTIGATING, EnumSet.of(FIXING), FIXING,
			EnumSet.of(RECOVERING, INVESTIGATING), RECOVERING, EnumSet.of(RESOLVED, FIXING), RESOLVED,
			EnumSet.of(REVIEWED, INVESTIGATING), REVIEWED, EnumSet.noneOf(FaultStatus.class));

	private static final Set<String> NOTE_REQUIRED = Set.of("REPORTED>RESOLVED", "FIXING>INVESTIGATING",
			"RECOVERING>FIXING", "RESOLVED>INVESTIGATING");

	@Test
	void everyPairIsAllowedOrRefusedAsTheFlowSays() {
		for (FaultStatus from : FaultStatus.values()) {
			assertThat(from.next()).as("next of %s", from).isEqualTo(ALLOWED.get(from));
			for (FaultStatus to : FaultStatus.values()) {
				assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
			}
		}
	}

	@Test
	void falseAlarmsAndStepsBackNeedANoteForwardStepsDoNot() {
		for (FaultStatus from : FaultStatus.values()) {
			for (FaultStatus to : from.next()) {
				assertThat(from.noteRequiredFor(to)).as("%s -> %s", from, to)
					.isEqualTo(NOTE_REQUIRED.contains(from + ">" + to));
			}
		}
	}

	@Test
	void aCriticalAlertOpensACriticalFaultAWarningAMajorOne() {
		assertThat(FaultSeverity.of(AlertSeverity.CRITICAL)).isEqualTo(FaultSeverity.CRITICAL);
		assertThat(FaultSeverity.of(AlertSeverity.WARNING)).isEqualTo(FaultSeverity.MAJOR);
	}

}
