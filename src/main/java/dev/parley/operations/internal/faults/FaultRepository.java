package dev.parley.operations.internal.faults;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.parley.operations.FaultSeverity;
import dev.parley.operations.FaultStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code fault}, {@code fault_step} and {@code fault_evidence}. */
@Repository
class FaultRepository {

	static final String COLUMNS = "id, title, observed, fault_class, severity, functions, status, started_at, "
			+ "reported_at, reported_by, alert_id, fix, verification, cause, impact, prevention, resolved_at, "
			+ "reviewed_at, updated_at, version";

	private final JdbcClient jdbc;

	FaultRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(Fault f) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO fault (title, observed, fault_class, severity, functions, status, started_at, "
				+ "reported_at, reported_by, alert_id, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
			.params(f.title(), f.observed(), f.faultClass().name(), f.severity().name(), functions(f.functions()),
					f.status().name(), f.startedAt().toEpochMilli(), f.reportedAt().toEpochMilli(), f.reportedBy(),
					f.alertId(), f.reportedAt().toEpochMilli())
			.update(key, "id");
		return key.getKey().longValue();
	}

	Optional<Fault> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM fault WHERE id = ?")
			.param(id)
			.query(FaultRepository::fault)
			.optional();
	}

	Optional<Long> idOfAlert(long alertId) {
		return this.jdbc.sql("SELECT id FROM fault WHERE alert_id = ?").param(alertId).query(Long.class).optional();
	}

	/**
	 * Writes every changeable field if the fault is still at {@code expectedVersion}.
	 * @return whether it was (false: someone else changed it meanwhile)
	 */
	boolean update(Fault f, int expectedVersion) {
		return this.jdbc.sql("UPDATE fault SET title = ?, observed = ?, fault_class = ?, severity = ?, functions = ?, "
				+ "status = ?, started_at = ?, fix = ?, verification = ?, cause = ?, impact = ?, prevention = ?, "
				+ "resolved_at = ?, reviewed_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
			.params(f.title(), f.observed(), f.faultClass().name(), f.severity().name(), functions(f.functions()),
					f.status().name(), f.startedAt().toEpochMilli(), f.fix(), f.verification(), f.cause(), f.impact(),
					f.prevention(), millis(f.resolvedAt()), millis(f.reviewedAt()), f.updatedAt().toEpochMilli(),
					f.id(), expectedVersion)
			.update() == 1;
	}

	void addStep(long faultId, FaultStatus from, FaultStatus to, String note, String actor, Instant at) {
		this.jdbc
			.sql("INSERT INTO fault_step (fault_id, from_status, to_status, note, actor, occurred_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(faultId, (from != null) ? from.name() : null, (to != null) ? to.name() : null, note, actor,
					at.toEpochMilli())
			.update();
	}

	boolean hasSystemNote(long faultId, String note, Instant at) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM fault_step WHERE fault_id = ? AND actor IS NULL AND occurred_at = ? AND note = ?")
			.params(faultId, at.toEpochMilli(), note)
			.query(Long.class)
			.single() > 0;
	}

	List<Fault.Step> steps(long faultId) {
		return this.jdbc
			.sql("SELECT id, from_status, to_status, note, actor, occurred_at FROM fault_step "
					+ "WHERE fault_id = ? ORDER BY id")
			.param(faultId)
			.query((rs, row) -> new Fault.Step(rs.getLong(1), status(rs.getString(2)), status(rs.getString(3)),
					rs.getString(4), rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))))
			.list();
	}

	void addEvidence(long faultId, EvidenceKind kind, String phase, Instant from, Instant to, Instant at,
			String payload) {
		this.jdbc
			.sql("INSERT INTO fault_evidence (fault_id, kind, phase, window_from, window_to, captured_at, payload) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(faultId, kind.name(), phase, from.toEpochMilli(), to.toEpochMilli(), at.toEpochMilli(), payload)
			.update();
	}

	List<Fault.Evidence> evidence(long faultId) {
		return this.jdbc
			.sql("SELECT id, kind, phase, window_from, window_to, captured_at, payload FROM fault_evidence "
					+ "WHERE fault_id = ? ORDER BY id")
			.param(faultId)
			.query((rs, row) -> new Fault.Evidence(rs.getLong(1), EvidenceKind.valueOf(rs.getString(2)),
					rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)),
					Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7)))
			.list();
	}

	static Fault fault(ResultSet rs, int row) throws SQLException {
		return new Fault(rs.getLong("id"), rs.getString("title"), rs.getString("observed"),
				FaultClass.valueOf(rs.getString("fault_class")), FaultSeverity.valueOf(rs.getString("severity")),
				functions(rs.getString("functions")), FaultStatus.valueOf(rs.getString("status")),
				instant(rs, "started_at"), instant(rs, "reported_at"), rs.getString("reported_by"),
				rs.getObject("alert_id", Long.class), rs.getString("fix"), rs.getString("verification"),
				rs.getString("cause"), rs.getString("impact"), rs.getString("prevention"), instant(rs, "resolved_at"),
				instant(rs, "reviewed_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Long millis = rs.getObject(column, Long.class);
		return (millis != null) ? Instant.ofEpochMilli(millis) : null;
	}

	private static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

	private static FaultStatus status(String name) {
		return (name != null) ? FaultStatus.valueOf(name) : null;
	}

	private static String functions(Set<FaultFunction> functions) {
		return functions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	private static Set<FaultFunction> functions(String stored) {
		Set<FaultFunction> functions = EnumSet.noneOf(FaultFunction.class);
		if (stored != null && !stored.isBlank()) {
			Arrays.stream(stored.split(",")).map(FaultFunction::valueOf).forEach(functions::add);
		}
		return functions;
	}

}
