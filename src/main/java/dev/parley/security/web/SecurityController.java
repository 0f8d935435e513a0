package dev.parley.security.web;

import dev.parley.identity.StaffDirectory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.parley.platform.ApiException;
import dev.parley.platform.ClientAddress;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;
import dev.parley.security.internal.Blocks;
import dev.parley.security.internal.NetworkLists;
import dev.parley.security.internal.NetworkRule;
import dev.parley.security.internal.SecurityFigures;
import dev.parley.security.internal.SourceBlock;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security screen's API (docs/api.md, "Security"): figures, blocks and lifting them,
 * the network lists and the restriction of the console to them.
 */
@RestController
@RequestMapping("/api/v1/security")
@RequiresPermission(Permission.SECURITY_MANAGE)
class SecurityController {

	private static final int MAX_LIST = 500;

	private final Blocks blocks;

	private final NetworkLists lists;

	private final SecurityFigures figures;

	private final Clock clock;

	private final StaffDirectory staff;

	SecurityController(Blocks blocks, NetworkLists lists, SecurityFigures figures, StaffDirectory staff, Clock clock) {
		this.staff = staff;
		this.blocks = blocks;
		this.lists = lists;
		this.figures = figures;
		this.clock = clock;
	}

	@GetMapping("/figures")
	FiguresView figures(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
		Instant until = (to != null) ? to : this.clock.instant();
		Instant since = (from != null) ? from : until.minus(Duration.ofDays(7));
		if (!since.isBefore(until)) {
			throw ApiException.invalid("from", "must be before to");
		}
		if (Duration.between(since, until).compareTo(Duration.ofDays(366)) > 0) {
			throw ApiException.invalid("from", "must be at most 366 days before to");
		}
		List<FigureView> items = this.figures.counts(since, until)
			.entrySet()
			.stream()
			.map((e) -> new FigureView(e.getKey(), e.getValue()))
			.toList();
		return new FiguresView(since, until, items, this.blocks.current(MAX_LIST).size(),
				this.staff.twoFactorAdoption());
	}

	@GetMapping("/blocks")
	List<BlockView> blocks(@RequestParam(defaultValue = "current") String state,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIST) {
			throw ApiException.invalid("limit", "must be between 1 and " + MAX_LIST);
		}
		List<SourceBlock> found = switch (state) {
			case "current" -> this.blocks.current(limit);
			case "past" -> this.blocks.past(limit);
			default -> throw ApiException.invalid("state", "must be current or past");
		};
		Instant now = this.clock.instant();
		return found.stream().map((b) -> BlockView.of(b, now)).toList();
	}

	@PostMapping("/blocks")
	@ResponseStatus(HttpStatus.CREATED)
	BlockView block(@RequestBody BlockForm form, StaffActor actor) {
		SourceBlock block = this.blocks.blockManually(form.address(), (form.minutes() != null) ? form.minutes() : 60,
				form.note(), actor.username(), ClientAddress.current());
		return BlockView.of(block, this.clock.instant());
	}

	@PostMapping("/blocks/{id}/lift")
	BlockView lift(@PathVariable long id, StaffActor actor) {
		return BlockView.of(this.blocks.lift(id, actor.username()), this.clock.instant());
	}

	@GetMapping("/networks")
	NetworksView networks() {
		NetworkLists.Lists found = this.lists.lists();
		Instant now = this.clock.instant();
		return new NetworksView(found.staffRestricted(), ClientAddress.current(),
				found.entries().stream().map((r) -> EntryView.of(r, now)).toList());
	}

	@PostMapping("/networks")
	@ResponseStatus(HttpStatus.CREATED)
	EntryView add(@RequestBody EntryForm form, StaffActor actor) {
		NetworkRule rule = this.lists.add(form.list(), form.range(), form.note(), form.expiresAt(), actor.username(),
				ClientAddress.current());
		return EntryView.of(rule, this.clock.instant());
	}

	@DeleteMapping("/networks/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void remove(@PathVariable long id, StaffActor actor) {
		this.lists.remove(id, actor.username(), ClientAddress.current());
	}

	@PutMapping("/networks/restriction")
	Map<String, Boolean> restrict(@RequestBody RestrictionForm form, StaffActor actor) {
		if (form.staffRestricted() == null) {
			throw ApiException.invalid("staffRestricted", "must be true or false");
		}
		this.lists.restrictStaff(form.staffRestricted(), actor.username(), ClientAddress.current());
		return Map.of("staffRestricted", form.staffRestricted());
	}

	/**
	 * @param twoFactor for each role, its accounts and how many of them sign in with a
	 * second factor (now, not over the period)
	 */
	record FiguresView(Instant from, Instant to, List<FigureView> figures, int currentBlocks,
			List<StaffDirectory.TwoFactorAdoption> twoFactor) {
	}

	/** One figure: the count of an audit action over the period. */
	record FigureView(String action, long count) {
	}

	record BlockForm(String address, Long minutes, String note) {
	}

	record EntryForm(String list, String range, String note, Instant expiresAt) {
	}

	record RestrictionForm(Boolean staffRestricted) {
	}

	record NetworksView(boolean staffRestricted, String yourAddress, List<EntryView> entries) {
	}

	record EntryView(long id, String list, String range, String note, String createdBy, Instant createdAt,
			Instant expiresAt, boolean inForce) {

		static EntryView of(NetworkRule r, Instant now) {
			return new EntryView(r.id(), r.list().code(), r.range(), r.note(), r.createdBy(), r.createdAt(),
					r.expiresAt(), r.inForceAt(now));
		}

	}

	record BlockView(long id, String address, String reason, boolean automatic, int signals, String note,
			String blockedBy, Instant blockedAt, Instant until, Instant liftedAt, String liftedBy, boolean current) {

		static BlockView of(SourceBlock b, Instant now) {
			return new BlockView(b.id(), b.address(), b.reason().name().toLowerCase(java.util.Locale.ROOT),
					b.reason().automatic(), b.signals(), b.note(), b.blockedBy(), b.blockedAt(), b.until(),
					b.liftedAt(), b.liftedBy(), b.currentAt(now));
		}

	}

}
