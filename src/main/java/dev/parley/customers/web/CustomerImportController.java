package dev.parley.customers.web;

import java.io.IOException;
import java.io.InputStream;

import dev.parley.customers.internal.CustomerImports;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV imports of customers (docs/api.md, "Customer imports"; docs/customers.md,
 * "Import"): upload, preview, validation report, import, abandon. All with
 * {@code customer.import}.
 */
@RestController
class CustomerImportController {

	private final CustomerImports imports;

	CustomerImportController(CustomerImports imports) {
		this.imports = imports;
	}

	@PostMapping("/api/v1/customer-imports")
	@RequiresPermission(Permission.CUSTOMER_IMPORT)
	ResponseEntity<CustomerImports.Preview> upload(@RequestPart("file") MultipartFile file, StaffActor actor)
			throws IOException {
		try (InputStream content = file.getInputStream()) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(this.imports.upload(file.getOriginalFilename(), file.getSize(), content, actor));
		}
	}

	@GetMapping("/api/v1/customer-imports/{id}")
	@RequiresPermission(Permission.CUSTOMER_IMPORT)
	CustomerImports.Preview preview(@PathVariable long id) {
		return this.imports.preview(id);
	}

	@PostMapping("/api/v1/customer-imports/{id}/validation")
	@RequiresPermission(Permission.CUSTOMER_IMPORT)
	CustomerImports.Report validate(@PathVariable long id, @RequestBody CustomerImports.Mapping mapping) {
		return this.imports.validate(id, mapping);
	}

	@PostMapping("/api/v1/customer-imports/{id}/import")
	@RequiresPermission(Permission.CUSTOMER_IMPORT)
	CustomerImports.Result run(@PathVariable long id, @RequestBody CustomerImports.Mapping mapping, StaffActor actor) {
		return this.imports.run(id, mapping, actor);
	}

	@DeleteMapping("/api/v1/customer-imports/{id}")
	@RequiresPermission(Permission.CUSTOMER_IMPORT)
	ResponseEntity<Void> abandon(@PathVariable long id) {
		this.imports.abandon(id);
		return ResponseEntity.noContent().build();
	}

}
