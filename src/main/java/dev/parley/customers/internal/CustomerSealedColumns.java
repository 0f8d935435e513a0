package dev.parley.customers.internal;

import java.util.List;

import dev.parley.platform.SealedColumn;
import dev.parley.platform.SealedColumns;

import org.springframework.stereotype.Component;

/**
 * Where customer records keep personal data sealed: contacts, the values of attributes
 * marked sensitive (the others in that column are plain, and left alone), and the portal
 * accounts' addresses (the current one and one asked for).
 */
@Component
class CustomerSealedColumns implements SealedColumns {

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SealedColumn.of("customer_contact", "value_sealed", "id"),
				SealedColumn.of("customer_attribute_value", "text_value", "customer_id", "attribute_id"),
				SealedColumn.of("customer_account", "email_sealed", "id"),
				SealedColumn.of("customer_account", "pending_email_sealed", "id"));
	}

}
