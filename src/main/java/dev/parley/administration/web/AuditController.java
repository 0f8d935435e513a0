package dev.parley.administration.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.administration.internal.AuditQuery;
import dev.parley.administration.internal.AuditQuery.AuditEntry;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/audit-events")
@RequiresPermission(Permission.AUDIT_VIEW)
class AuditController {

	private final AuditQuery query;

	private final AuditDetails details;

	AuditController(AuditQuery query, AuditDetails details) {
		this.query = query;
		this.details = details;
	}

	@GetMapping
	AuditPage list(@RequestParam(required = false) @Size(max = 64) String actor,
			@RequestParam(required = false) @Size(max = 64) String action, @RequestParam(required = false) Instant from,
			@RequestParam(required = false) Instant to, @RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		List<AuditEntry> items = this.query.find(actor, action, from, to, before, limit + 1);
		boolean more = items.size() > limit;
		List<AuditEntry> page = more ? items.subList(0, limit) : items;
		String next = more ? String.valueOf(page.get(page.size() - 1).id()) : null;
		Locale locale = LocaleContextHolder.getLocale();
		return new AuditPage(page.stream()
			.map((entry) -> new AuditItem(entry.id(), entry.occurredAt(), entry.actor(), entry.action(), entry.target(),
					entry.ip(), entry.result(), entry.detail(), this.details.describe(entry.detail(), locale)))
			.toList(), next);
	}

	@GetMapping("/actions")
	List<String> actions() {
		return this.query.actions();
	}

	record AuditPage(List<AuditItem> items, String nextCursor) {
	}

	/**
	 * @param detail as the module wrote it (English, stable for programs)
	 * @param detailText the detail for people, in the request's language
	 */
	record AuditItem(long id, Instant occurredAt, String actor, String action, String target, String ip, String result,
			String detail, String detailText) {
	}

}
