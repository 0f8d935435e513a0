package dev.parley.security.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;
import dev.parley.security.NetworkListChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The allow-list, the deny-list and the restriction of the console to listed networks. No
 * change may shut out the administrator making it: a deny entry covering his own address,
 * or a restriction (or an allow entry removed from it) that leaves his address outside
 * every listed network, is refused with {@code 409 would_lock_out_self} and nothing
 * changes.
 */
@Service
public class NetworkLists {

	static final int MAX_ENTRIES = 2_000;

	private final NetworkRuleRepository rules;

	private final NetworkGuard guard;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NetworkLists(NetworkRuleRepository rules, NetworkGuard guard, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.rules = rules;
		this.guard = guard;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/** The lists and the switch, as stored. */
	public record Lists(boolean staffRestricted, List<NetworkRule> entries) {
	}

	@Transactional(readOnly = true)
	public Lists lists() {
		return new Lists(this.rules.staffRestricted(), this.rules.findAll());
	}

	/**
	 * @param list {@code allow} or {@code deny}
	 * @param expiresAt when the entry stops applying, or null
	 */
	@Transactional
	public NetworkRule add(String list, String range, String note, Instant expiresAt, String actor, String ownAddress) {
		NetworkList kind = NetworkList.of(list)
			.orElseThrow(() -> ApiException.invalid("list", "must be allow or deny"));
		String normalised = AddressRanges.normalised(range)
			.orElseThrow(() -> ApiException.invalid("range", "must be an IP address or a CIDR range"));
		String trimmedNote = note(note);
		Instant now = this.clock.instant();
		if (expiresAt != null && (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(Duration.ofDays(3660))))) {
			throw ApiException.invalid("expiresAt", "must be in the future");
		}
		if (this.rules.count() >= MAX_ENTRIES) {
			throw ApiException.conflict("too_many_entries", "The lists hold " + MAX_ENTRIES + " entries at most");
		}
		if (kind == NetworkList.DENY && AddressRanges.matcher(normalised)
			.map((m) -> matches(m, AddressRanges.canonical(ownAddress)))
			.orElse(false)) {
			throw wouldLockOutSelf();
		}
		long id = this.rules.insert(kind, normalised, trimmedNote, actor, now, expiresAt);
		this.audit.record(actor, "security.network.added", kind.code() + " " + normalised, AuditResult.SUCCESS,
				trimmedNote);
		this.events
			.publishEvent(new NetworkListChanged(NetworkListChanged.Change.ADDED, kind.code(), normalised, actor));
		this.guard.changed();
		return this.rules.find(id).orElseThrow();
	}

	@Transactional
	public void remove(long id, String actor, String ownAddress) {
		NetworkRule rule = this.rules.find(id).orElseThrow(() -> ApiException.notFound("List entry"));
		Instant now = this.clock.instant();
		if (rule.list() == NetworkList.ALLOW && this.rules.staffRestricted()) {
			List<NetworkRule> rest = this.rules.findAll().stream().filter((r) -> r.id() != id).toList();
			if (!allowedBy(rest, ownAddress, now)) {
				throw wouldLockOutSelf();
			}
		}
		this.rules.delete(id);
		this.audit.record(actor, "security.network.removed", rule.list().code() + " " + rule.range(),
				AuditResult.SUCCESS, null);
		this.events.publishEvent(
				new NetworkListChanged(NetworkListChanged.Change.REMOVED, rule.list().code(), rule.range(), actor));
		this.guard.changed();
	}

	/** Switches the restriction of the console and staff API to allow-listed networks. */
	@Transactional
	public void restrictStaff(boolean restricted, String actor, String ownAddress) {
		Instant now = this.clock.instant();
		if (restricted && !allowedBy(this.rules.findAll(), ownAddress, now)) {
			throw wouldLockOutSelf();
		}
		this.rules.restrictStaff(restricted, actor, now);
		this.audit.record(actor, "security.restriction.changed", null, AuditResult.SUCCESS,
				restricted ? "console and API only from the allow-list" : "console and API from anywhere");
		this.events.publishEvent(new NetworkListChanged(NetworkListChanged.Change.RESTRICTION, null, null, actor));
		this.guard.changed();
	}

	private static boolean allowedBy(List<NetworkRule> rules, String address, Instant now) {
		String canonical = AddressRanges.canonical(address);
		return rules.stream()
			.filter((rule) -> rule.list() == NetworkList.ALLOW && rule.inForceAt(now))
			.flatMap((rule) -> AddressRanges.matcher(rule.range()).stream())
			.anyMatch((m) -> matches(m, canonical));
	}

	private static boolean matches(org.springframework.security.web.util.matcher.IpAddressMatcher matcher,
			String address) {
		try {
			return address != null && matcher.matches(address);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static ApiException wouldLockOutSelf() {
		return new ApiException(HttpStatus.CONFLICT, "would_lock_out_self",
				"This would shut out your own address; nothing was changed");
	}

	/**
	 * @return the note trimmed, or null when blank
	 */
	static String note(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String trimmed = note.strip();
		if (trimmed.length() > Blocks.MAX_NOTE) {
			throw ApiException.invalid("note", "must be at most " + Blocks.MAX_NOTE + " characters");
		}
		return trimmed;
	}

}
