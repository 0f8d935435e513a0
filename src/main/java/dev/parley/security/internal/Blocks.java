package dev.parley.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.security.BlockReason;
import dev.parley.security.SourceBlockLifted;
import dev.parley.security.SourceBlocked;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blocking client addresses, automatically after a burst or by an administrator, and
 * lifting blocks: each stored, audited and published as a module event in one
 * transaction, and in force on every node once it commits.
 */
@Service
public class Blocks {

	/** The longest manual block: 30 days. */
	static final long MAX_MANUAL_MINUTES = 43_200;

	static final int MAX_NOTE = 500;

	private final SourceBlockRepository blocks;

	private final SignalCounts counts;

	private final NetworkGuard guard;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Blocks(SourceBlockRepository blocks, SignalCounts counts, NetworkGuard guard, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.blocks = blocks;
		this.counts = counts;
		this.guard = guard;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Blocks after a burst (in the counting transaction); nothing when blocked already.
	 */
	void blockAutomatically(String address, BlockReason reason, int signals, Duration window, Duration blockFor) {
		Instant now = this.clock.instant();
		Instant until = now.plus(blockFor);
		this.blocks.insertUnlessBlocked(address, reason, signals, null, null, now, until).ifPresent((id) -> {
			this.audit.record(null, "security.source.blocked", address, AuditResult.SUCCESS,
					reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + signals + " within " + window
							+ "; blocked until " + until);
			this.events.publishEvent(new SourceBlocked(id, address, reason, signals, now, until, null));
			this.guard.changed();
		});
	}

	/**
	 * An administrator blocks one address for some minutes.
	 * @param ownAddress the administrator's own client address, which he may not block
	 */
	@Transactional
	public SourceBlock blockManually(String address, long minutes, String note, String actor, String ownAddress) {
		if (!AddressRanges.single(address)) {
			throw ApiException.invalid("address", "must be one IP address");
		}
		if (minutes < 1 || minutes > MAX_MANUAL_MINUTES) {
			throw ApiException.invalid("minutes", "must be between 1 and " + MAX_MANUAL_MINUTES);
		}
		String trimmedNote = NetworkLists.note(note);
		String canonical = AddressRanges.canonical(address.strip());
		Instant now = this.clock.instant();
		if (canonical.equals(AddressRanges.canonical(ownAddress))) {
			throw NetworkLists.wouldLockOutSelf();
		}
		if (this.guard.policy().allowed(canonical, now)) {
			throw ApiException.conflict("address_allowed", "The address is on the allow-list");
		}
		Instant until = now.plus(Duration.ofMinutes(minutes));
		long id = this.blocks.insertUnlessBlocked(canonical, BlockReason.MANUAL, 0, trimmedNote, actor, now, until)
			.orElseThrow(() -> ApiException.conflict("already_blocked", "The address is blocked already"));
		this.audit.record(actor, "security.source.blocked_manually", canonical, AuditResult.SUCCESS,
				"blocked until " + until + ((trimmedNote != null) ? "; " + trimmedNote : ""));
		this.events.publishEvent(new SourceBlocked(id, canonical, BlockReason.MANUAL, 0, now, until, actor));
		this.guard.changed();
		return this.blocks.find(id).orElseThrow();
	}

	/** Lifts a current block; the address's counts start afresh. */
	@Transactional
	public SourceBlock lift(long id, String actor) {
		SourceBlock block = this.blocks.find(id).orElseThrow(() -> ApiException.notFound("Block"));
		Instant now = this.clock.instant();
		if (!this.blocks.lift(id, actor, now)) {
			throw ApiException.conflict("block_not_current", "The block has ended or was lifted already");
		}
		this.counts.forget(block.address());
		this.audit.record(actor, "security.block.lifted", block.address(), AuditResult.SUCCESS,
				"block #" + id + " (" + block.reason().name().toLowerCase(java.util.Locale.ROOT) + ")");
		this.events.publishEvent(new SourceBlockLifted(id, block.address(), now, actor));
		this.guard.changed();
		return this.blocks.find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<SourceBlock> current(int limit) {
		return this.blocks.current(this.clock.instant(), limit);
	}

	@Transactional(readOnly = true)
	public List<SourceBlock> past(int limit) {
		return this.blocks.past(this.clock.instant(), limit);
	}

}
