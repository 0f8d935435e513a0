package dev.parley.operations.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.OutgoingMail;
import dev.parley.operations.SelfCheckContext;
import dev.parley.operations.internal.SelfCheckRunner;
import dev.parley.operations.internal.SelfCheckRuns;
import dev.parley.operations.internal.SelfCheckTexts;
import dev.parley.operations.internal.SelfChecks;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.parley.platform.ApiException.invalid;

/**
 * The administrators' self-check after an install or an upgrade: every check at once,
 * texts in the reader's language; the test e-mail to one's own address.
 */
@RestController
@RequestMapping("/api/v1/operations/self-check")
@RequiresPermission(Permission.SYSTEM_UPGRADE)
class SelfCheckController {

	/** 9999-12-31T23:59:59.999Z: no browser's clock says more. */
	private static final long LATEST = 253402300799999L;

	private final SelfChecks checks;

	private final SelfCheckTexts texts;

	private final OutgoingMail mail;

	private final StaffDirectory staff;

	private final Clock clock;

	SelfCheckController(SelfChecks checks, SelfCheckTexts texts, OutgoingMail mail, StaffDirectory staff, Clock clock) {
		this.checks = checks;
		this.texts = texts;
		this.mail = mail;
		this.staff = staff;
		this.clock = clock;
	}

	/**
	 * @param browserTime the browser's clock as epoch milliseconds, to compare with the
	 * server's
	 */
	@GetMapping
	ReportView run(@RequestParam(required = false) String browserTime, HttpServletRequest request, StaffActor actor) {
		Instant receivedAt = this.clock.instant();
		SelfCheckContext context = new SelfCheckContext(browserTime(browserTime), receivedAt, origin(request),
				request.getRemoteAddr(), forwardedHeaders(request));
		SelfChecks.Report report = this.checks.runAll(context, actor.username());
		Locale locale = LocaleContextHolder.getLocale();
		List<CheckView> views = report.outcomes().stream().map((outcome) -> view(outcome, locale)).toList();
		return new ReportView(RunView.of(report.run()), receivedAt, views);
	}

	/** The last run, so the console's home knows whether to suggest one. */
	@GetMapping("/last-run")
	LastRunView lastRun() {
		return new LastRunView(this.checks.lastRun().map(RunView::of).orElse(null));
	}

	/** Sends the mail account's test message to the signed-in person's own address. */
	@PostMapping("/test-mail")
	TestMailView testMail(StaffActor actor) {
		String to = this.staff.contact(actor.id()).map(StaffDirectory.StaffContact::email).orElse(null);
		if (to == null || to.isBlank()) {
			throw ApiException.conflict("no_own_email", "Your account has no e-mail address; add one in your profile");
		}
		OutgoingMail.TestMail sent = this.mail.sendTest(to, LocaleContextHolder.getLocale().toLanguageTag(),
				actor.username());
		return new TestMailView(to, sent.delivered(), sent.error());
	}

	private CheckView view(SelfCheckRunner.Outcome outcome, Locale locale) {
		return new CheckView(outcome.key(), this.texts.title(outcome.key(), locale), outcome.result().status().name(),
				this.texts.text(outcome.result().detail(), locale), this.texts.text(outcome.result().fix(), locale),
				outcome.millis());
	}

	private static Optional<Instant> browserTime(String value) {
		if (value == null) {
			return Optional.empty();
		}
		long millis;
		try {
			millis = Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw invalid("browserTime", "must be a positive whole number");
		}
		if (millis <= 0) {
			throw invalid("browserTime", "must be a positive whole number");
		}
		if (millis > LATEST) {
			throw invalid("browserTime", "must be at most " + LATEST);
		}
		return Optional.of(Instant.ofEpochMilli(millis));
	}

	/** The address the browser used, as the server understands it. */
	private static String origin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
		String host = request.getServerName();
		if (host.contains(":") && !host.startsWith("[")) {
			host = "[" + host + "]";
		}
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

	private static Map<String, String> forwardedHeaders(HttpServletRequest request) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : Collections.list(request.getHeaderNames())) {
			String lower = name.toLowerCase(Locale.ROOT);
			if (lower.equals("forwarded") || lower.startsWith("x-forwarded-") || lower.equals("x-real-ip")) {
				String value = request.getHeader(name);
				headers.put(lower, (value.length() > 200) ? value.substring(0, 200) : value);
			}
		}
		return headers;
	}

	record ReportView(RunView run, Instant serverTime, List<CheckView> checks) {
	}

	record CheckView(String key, String title, String status, String detail, String fix, long millis) {
	}

	record RunView(Instant ranAt, String ranBy, int ok, int warnings, int failed) {

		static RunView of(SelfCheckRuns.Run run) {
			return new RunView(run.ranAt(), run.ranBy(), run.ok(), run.warnings(), run.failed());
		}

	}

	record LastRunView(RunView lastRun) {
	}

	record TestMailView(String to, boolean delivered, String error) {
	}

}
