package dev.parley.operations.internal.faults;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.operations.FaultReported;
import dev.parley.operations.FaultSeverity;
import dev.parley.operations.FaultStatus;
import dev.parley.operations.FaultStatusChanged;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault records: reporting one, changing its fields, moving it through its flow
 * ({@link FaultStatus} says which moves exist) and noting on it. Every change is one
 * transaction with its step, its audit entry and its event; the evidence is captured
 * after it committed ({@link FaultEvidence}).
 */
@Service
public class Faults {

	private final FaultRepository faults;

	private final FaultTerms terms;

	private final FaultEvidence evidence;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Faults(FaultRepository faults, FaultTerms terms, FaultEvidence evidence, AuditLog audit,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.faults = faults;
		this.terms = terms;
		this.evidence = evidence;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** A fault with its steps. */
	public record Detail(Fault fault, List<Fault.Step> steps) {
	}

	public Detail get(long id) {
		Fault fault = this.faults.find(id).orElseThrow(() -> ApiException.notFound("Fault"));
		return new Detail(fault, this.faults.steps(id));
	}

	public List<Fault.Evidence> evidence(long id) {
		get(id);
		return this.faults.evidence(id);
	}

	/** Reports a fault a person saw; its evidence is captured before this returns. */
	public Detail report(FaultInput.Draft draft, String actor) {
		if (draft == null) {
			throw ApiException.invalid("title", "is required");
		}
		Instant now = this.clock.instant();
		Fault fault = new Fault(0, FaultInput.title(draft.title()), FaultInput.required("observed", draft.observed()),
				FaultInput.choice("faultClass", draft.faultClass(), FaultClass.class),
				FaultInput.choice("severity", draft.severity(), FaultSeverity.class),
				FaultInput.functions(draft.functions()), FaultStatus.REPORTED,
				FaultInput.startedAt(draft.startedAt(), now), now, actor, null, null, null, null, null, null, null,
				null, now, 0);
		Fault stored = this.transactions.execute((tx) -> open(fault));
		this.evidence.capture(stored, "OPENED", now);
		return get(stored.id());
	}

	/**
	 * Opens a fault for an alert unless one is open for it already (a repeated delivery).
	 * @return the new fault, or null when the alert had one
	 */
	Fault openForAlert(Fault fault) {
		if (this.faults.idOfAlert(fault.alertId()).isPresent()) {
			return null;
		}
		Fault stored;
		try {
			stored = this.transactions.execute((tx) -> open(fault));
		}
		catch (DuplicateKeyException ex) {
			return null;
		}
		this.evidence.capture(stored, "OPENED", fault.reportedAt());
		return stored;
	}

	private Fault open(Fault fault) {
		long id = this.faults.insert(fault);
		Fault stored = this.faults.find(id).orElseThrow();
		this.faults.addStep(id, null, FaultStatus.REPORTED, null, fault.reportedBy(), fault.reportedAt());
		this.terms.index(null, stored);
		this.audit.record(fault.reportedBy(), "fault.reported", "#" + id, AuditResult.SUCCESS, null);
		this.events.publishEvent(new FaultReported(id, stored.title(), stored.severity(), stored.startedAt(),
				stored.reportedBy(), stored.alertId()));
		return stored;
	}

	/** Changes the fields of a fault; a reviewed fault is final. */
	public Detail change(long id, FaultInput.Change change, String actor) {
		if (change == null || change.version() == null) {
			throw ApiException.invalid("version", "is required");
		}
		this.transactions.executeWithoutResult((tx) -> {
			Fault before = current(id);
			if (before.status() == FaultStatus.REVIEWED) {
				throw ApiException.conflict("fault_reviewed", "A reviewed fault cannot be changed");
			}
			Instant now = this.clock.instant();
			Fault after = new Fault(id, (change.title() != null) ? FaultInput.title(change.title()) : before.title(),
					(change.observed() != null) ? FaultInput.required("observed", change.observed())
							: before.observed(),
					(change.faultClass() != null)
							? FaultInput.choice("faultClass", change.faultClass(), FaultClass.class)
							: before.faultClass(),
					(change.severity() != null) ? FaultInput.choice("severity", change.severity(), FaultSeverity.class)
							: before.severity(),
					(change.functions() != null) ? FaultInput.functions(change.functions()) : before.functions(),
					before.status(),
					(change.startedAt() != null) ? FaultInput.startedAt(change.startedAt(), now) : before.startedAt(),
					before.reportedAt(), before.reportedBy(), before.alertId(),
					edited("fix", change.fix(), before.fix()),
					edited("verification", change.verification(), before.verification()),
					edited("cause", change.cause(), before.cause()), edited("impact", change.impact(), before.impact()),
					edited("prevention", change.prevention(), before.prevention()), before.resolvedAt(),
					before.reviewedAt(), now, before.version());
			save(after, change.version());
			this.terms.index(before, after);
			this.audit.record(actor, "fault.changed", "#" + id, AuditResult.SUCCESS, null);
		});
		return get(id);
	}

	/**
	 * Moves a fault to another status with a note; a resolution needs the summary and
	 * captures the evidence of the whole window once more.
	 */
	public Detail move(long id, FaultInput.Move move, String actor) {
		if (move == null || move.version() == null) {
			throw ApiException.invalid("version", "is required");
		}
		FaultStatus to = FaultInput.choice("to", move.to(), FaultStatus.class);
		String note = FaultInput.text("note", move.note());
		Fault moved = this.transactions.execute((tx) -> {
			Fault before = current(id);
			if (!before.status().canMoveTo(to)) {
				throw ApiException
					.conflict("invalid_fault_transition", "A fault cannot go from " + before.status() + " to " + to)
					.with("from", before.status().name())
					.with("to", to.name());
			}
			if (note == null && before.status().noteRequiredFor(to)) {
				throw ApiException.invalid("note", "is required for this move");
			}
			Instant now = this.clock.instant();
			Fault after = new Fault(id, before.title(), before.observed(), before.faultClass(), before.severity(),
					before.functions(), to, before.startedAt(), before.reportedAt(), before.reportedBy(),
					before.alertId(), edited("fix", move.fix(), before.fix()),
					edited("verification", move.verification(), before.verification()),
					edited("cause", move.cause(), before.cause()), edited("impact", move.impact(), before.impact()),
					edited("prevention", move.prevention(), before.prevention()),
					(to == FaultStatus.RESOLVED) ? now : (to == FaultStatus.REVIEWED) ? before.resolvedAt() : null,
					(to == FaultStatus.REVIEWED) ? now : null, now, before.version());
			if (to == FaultStatus.RESOLVED) {
				requireSummary(after);
			}
			save(after, move.version());
			this.faults.addStep(id, before.status(), to, note, actor, now);
			this.terms.index(before, after);
			this.audit.record(actor, "fault.moved", "#" + id, AuditResult.SUCCESS, before.status() + " -> " + to);
			this.events.publishEvent(new FaultStatusChanged(id, before.status(), to, actor, now));
			return after;
		});
		if (to == FaultStatus.RESOLVED) {
			this.evidence.capture(moved, "RESOLVED", moved.resolvedAt());
		}
		return get(id);
	}

	/** Adds a note to a fault's steps without moving it. */
	public Detail note(long id, String text, String actor) {
		String note = FaultInput.required("note", text);
		this.transactions.executeWithoutResult((tx) -> {
			current(id);
			this.faults.addStep(id, null, null, note, actor, this.clock.instant());
			this.audit.record(actor, "fault.noted", "#" + id, AuditResult.SUCCESS, null);
		});
		return get(id);
	}

	/** A note by Parley itself, e.g. that the alert which opened the fault resolved. */
	void systemNote(long alertId, String note, Instant at) {
		// the same note at the same time is one delivered twice: added once
		this.faults.idOfAlert(alertId)
			.filter((id) -> !this.faults.hasSystemNote(id, note, at))
			.ifPresent((id) -> this.faults.addStep(id, null, null, note, null, at));
	}

	private Fault current(long id) {
		return this.faults.find(id).orElseThrow(() -> ApiException.notFound("Fault"));
	}

	private void save(Fault after, int version) {
		if (!this.faults.update(after, version)) {
			throw ApiException.conflict("stale_version", "Someone changed this fault meanwhile; reload it")
				.with("version", current(after.id()).version());
		}
	}

	private static void requireSummary(Fault fault) {
		if (fault.cause() == null) {
			throw ApiException.invalid("cause", "is required to resolve a fault");
		}
		if (fault.impact() == null) {
			throw ApiException.invalid("impact", "is required to resolve a fault");
		}
		if (fault.prevention() == null) {
			throw ApiException.invalid("prevention", "is required to resolve a fault");
		}
	}

	/** A text given replaces the old one (empty: cleared); null keeps it. */
	private static String edited(String field, String given, String old) {
		return (given == null) ? old : FaultInput.text(field, given);
	}

}
