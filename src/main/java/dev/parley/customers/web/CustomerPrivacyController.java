package dev.parley.customers.web;

import java.security.Principal;
import java.util.Map;

import dev.parley.conversations.CustomerData;
import dev.parley.customers.internal.privacy.DataSubjectRequests;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Data subject requests: a customer's data exported, or erased (customer.privacy).
 */
@RestController
@RequestMapping("/api/v1/customers/{id}")
@RequiresPermission(Permission.CUSTOMER_PRIVACY)
class CustomerPrivacyController {

	private final DataSubjectRequests requests;

	CustomerPrivacyController(DataSubjectRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/data-export")
	ResponseEntity<Map<String, Object>> export(@PathVariable long id, Principal principal) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + id + ".json\"")
			.body(this.requests.export(id, principal.getName()));
	}

	/**
	 * @param confirm the customer's id or name, typed to confirm
	 */
	record Erasure(String confirm) {
	}

	@PostMapping("/erase")
	CustomerData.Anonymised erase(@PathVariable long id, @RequestBody(required = false) Erasure erasure,
			Principal principal) {
		return this.requests.erase(id, (erasure != null) ? erasure.confirm() : null, principal.getName());
	}

}
