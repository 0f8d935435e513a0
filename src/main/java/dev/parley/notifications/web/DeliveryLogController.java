package dev.parley.notifications.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationStatus;
import dev.parley.notifications.internal.DeliveryLog;
import dev.parley.notifications.internal.Notification;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.parley.platform.ApiException.invalid;

/** The delivery log of e-mails and text messages, for administrators. */
@RestController
@RequestMapping("/api/v1/notifications")
@RequiresPermission(Permission.NOTIFICATION_MANAGE)
class DeliveryLogController {

	private final DeliveryLog log;

	DeliveryLogController(DeliveryLog log) {
		this.log = log;
	}

	@GetMapping
	PageView list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
			@RequestParam(required = false) String template, @RequestParam(required = false) String recipient,
			@RequestParam(required = false) Long conversationId, @RequestParam(required = false) Long cursor,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 200) {
			throw invalid("limit", "must be between 1 and 200");
		}
		if (recipient != null && recipient.length() > 254) {
			throw invalid("recipient", "must be at most 254 characters");
		}
		if (template != null && template.length() > 64) {
			throw invalid("template", "must be at most 64 characters");
		}
		DeliveryLog.Filter filter = new DeliveryLog.Filter(parse("status", status, NotificationStatus::of),
				parse("channel", channel, NotificationChannel::of), blankToNull(template), blankToNull(recipient),
				conversationId);
		DeliveryLog.Page page = this.log.page(filter, cursor, limit);
		return new PageView(page.items().stream().map(Entry::of).toList(), page.nextCursor());
	}

	@GetMapping("/{id}")
	Entry get(@PathVariable long id) {
		return Entry.of(this.log.get(id));
	}

	@PostMapping("/{id}/resend")
	Entry resend(@PathVariable long id, Principal principal) {
		return Entry.of(this.log.resend(id, principal.getName()));
	}

	record PageView(List<Entry> items, Long nextCursor) {
	}

	/** One notification as the log shows it (its values stay on the server). */
	record Entry(long id, String channel, String recipient, String audience, String template, String language,
			String status, int attempts, Instant nextAttemptAt, String lastError, String providerMessageId,
			Long conversationId, Instant createdAt, Instant sentAt) {

		static Entry of(Notification n) {
			return new Entry(n.id(), n.channel().value(), n.recipient(), n.audience().value(), n.template(),
					n.language(), n.status().value(), n.attempts(), n.nextAttemptAt(), n.lastError(),
					n.providerMessageId(), n.conversationId(), n.createdAt(), n.sentAt());
		}

	}

	private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return parser.apply(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(field, "is not a known value");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
