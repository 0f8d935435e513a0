package dev.parley.customers.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.customers.internal.CustomerExport;
import dev.parley.customers.internal.CustomerFilterOptions;
import dev.parley.customers.internal.CustomerListing;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Finding customers: the filtered list and its export (docs/api.md, "Finding customers").
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerListController {

	private final CustomerListing listing;

	private final CustomerExport export;

	private final CustomerFilterOptions options;

	CustomerListController(CustomerListing listing, CustomerExport export, CustomerFilterOptions options) {
		this.listing = listing;
		this.export = export;
		this.options = options;
	}

	@GetMapping("/filters")
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	CustomerFilterOptions.Options filters() {
		return this.options.options();
	}

	@GetMapping
	@RequiresPermission(Permission.CUSTOMER_VIEW)
	CustomerListing.Page list(@RequestParam MultiValueMap<String, String> params, StaffActor actor) {
		return this.listing.list(actor, request(params));
	}

	@GetMapping("/export")
	@RequiresPermission(Permission.CUSTOMER_EXPORT)
	ResponseEntity<StreamingResponseBody> export(@RequestParam MultiValueMap<String, String> params, StaffActor actor) {
		CustomerExport.Writing writing = this.export.prepare(actor, request(params));
		StreamingResponseBody body = writing.body()::writeTo;
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("customers." + writing.format().extension())
						.build()
						.toString())
			.contentType(MediaType.parseMediaType(writing.format().contentType))
			.body(body);
	}

	private static CustomerListing.Request request(MultiValueMap<String, String> params) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		params.forEach((name, values) -> fields.put(name, List.copyOf(values)));
		return new CustomerListing.Request(fields);
	}

}
