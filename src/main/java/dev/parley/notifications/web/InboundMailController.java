package dev.parley.notifications.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.parley.notifications.internal.inbound.InboundMailLog;
import dev.parley.notifications.internal.inbound.InboundMailLog.Entry;
import dev.parley.notifications.internal.inbound.InboundOutcome;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbound mail log: every mail read from the inbound mailbox and what became of it,
 * newest first, for administrators of the notifications.
 */
@RestController
@Validated
@RequestMapping("/api/v1/inbound-mail")
@RequiresPermission(Permission.NOTIFICATION_MANAGE)
class InboundMailController {

	private final InboundMailLog log;

	InboundMailController(InboundMailLog log) {
		this.log = log;
	}

	@GetMapping
	InboundMailPage list(@RequestParam(required = false) String outcome, @RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		List<Entry> items = this.log.find(outcome(outcome), before, limit + 1);
		boolean more = items.size() > limit;
		List<Entry> page = more ? items.subList(0, limit) : items;
		String next = more ? String.valueOf(page.get(page.size() - 1).id()) : null;
		return new InboundMailPage(page.stream()
			.map((e) -> new InboundMailItem(e.id(), e.receivedAt(), e.sender(), e.subject(), e.conversationId(),
					e.thread(), e.outcome(), e.detail()))
			.toList(), next);
	}

	private static InboundOutcome outcome(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return Arrays.stream(InboundOutcome.values())
			.filter((o) -> o.name().equalsIgnoreCase(value.strip()))
			.findFirst()
			.orElseThrow(() -> ApiException.badRequest("validation_failed", "outcome: unknown")
				.with("errors", List.of(Map.of("field", "outcome", "message",
						"must be one of " + Arrays.toString(InboundOutcome.values())))));
	}

	record InboundMailPage(List<InboundMailItem> items, String nextCursor) {
	}

	/**
	 * @param thread another module's thread the mail named or made, e.g. {@code t42}
	 * (ticket 42), or null
	 */
	record InboundMailItem(long id, Instant receivedAt, String sender, String subject, Long conversationId,
			String thread, InboundOutcome outcome, String detail) {
	}

}
