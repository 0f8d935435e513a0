package dev.parley.customers.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.customers.internal.CustomerListing.Item;
import dev.parley.platform.Permission;
import dev.parley.platform.Spreadsheets;
import dev.parley.platform.Spreadsheets.Format;
import dev.parley.platform.StaffActor;

import org.springframework.stereotype.Service;

/**
 * The customer list as a CSV or XLSX file, written as it is read (a page of 500 at a
 * time, never the whole list in memory), formula-injection safe ({@link Spreadsheets}).
 * E-mail addresses and phone numbers are in full only for holders of customer.pii.view.
 * Every export is audited with its filter.
 */
@Service
public class CustomerExport {

	static final List<String> HEADERS = List.of("id", "name", "company", "emails", "phones", "language", "timeZone",
			"level", "tags", "firstSeenAt", "lastSeenAt", "lastConversationAt", "conversations", "lastRating",
			"blocked", "createdAt");

	private final CustomerListing listing;

	private final AuditLog audit;

	CustomerExport(CustomerListing listing, AuditLog audit) {
		this.listing = listing;
		this.audit = audit;
	}

	/**
	 * Checks the request (a bad filter is refused before anything is written) and audits
	 * it.
	 * @return the writer of the file
	 */
	public Writing prepare(StaffActor actor, CustomerListing.Request request) {
		Format format = Format.of(request.one("format"));
		CustomerSort.of(request.one("sort"));
		CustomerSort.descending(request.one("order"));
		this.listing.filter(actor, request);
		boolean unmasked = actor.can(Permission.CUSTOMER_PII_VIEW);
		this.audit.record(actor.username(), "customers.exported", null, AuditResult.SUCCESS, format.extension()
				+ (unmasked ? ", contacts in full" : ", contacts masked") + ": " + describe(request));
		return new Writing(format, (out) -> write(actor, request, format, unmasked, out));
	}

	public record Writing(Format format, Body body) {
	}

	@FunctionalInterface
	public interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

	private void write(StaffActor actor, CustomerListing.Request request, Format format, boolean unmasked,
			OutputStream out) {
		Spreadsheets.Table table = Spreadsheets.open(format, out, "Customers");
		table.row(HEADERS);
		this.listing.each(actor, request, unmasked, (items) -> items.forEach((item) -> table.row(cells(item))));
		table.finish();
	}

	static List<String> cells(Item item) {
		List<String> cells = new ArrayList<>();
		cells.add(Long.toString(item.id()));
		cells.add(item.name());
		cells.add(item.company());
		cells.add(String.join("; ", item.emails()));
		cells.add(String.join("; ", item.phones()));
		cells.add(item.language());
		cells.add(item.timeZone());
		cells.add((item.level() != null) ? item.level().name() : null);
		cells.add(String.join("; ", item.tags()));
		cells.add(time(item.firstSeenAt()));
		cells.add(time(item.lastSeenAt()));
		cells.add(time(item.lastConversationAt()));
		cells.add(Integer.toString(item.conversationCount()));
		cells.add((item.lastRating() != null) ? item.lastRating().toString() : null);
		cells.add(Boolean.toString(item.blocked()));
		cells.add(time(item.createdAt()));
		return cells.stream().map((cell) -> (cell != null) ? cell : "").toList();
	}

	private static String time(Instant at) {
		return (at != null) ? at.toString() : null;
	}

	private static String describe(CustomerListing.Request request) {
		StringBuilder text = new StringBuilder();
		request.fields().forEach((field, values) -> {
			if (!field.equals("format") && !field.equals("cursor")) {
				boolean personal = field.equals("email") || field.equals("phone") || field.equals("q");
				text.append((text.length() > 0) ? ", " : "")
					.append(field)
					.append('=')
					.append(personal ? "***" : String.join("|", values));
			}
		});
		String described = (text.length() > 0) ? text.toString() : "all customers";
		return (described.length() > 400) ? described.substring(0, 400) + "…" : described;
	}

}
