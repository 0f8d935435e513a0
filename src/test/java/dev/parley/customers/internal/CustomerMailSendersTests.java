package dev.parley.customers.internal;

import java.time.Instant;

import dev.parley.customers.CustomerContacts;
import dev.parley.customers.CustomerContacts.MailSender;
import dev.parley.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers found by the address of a mail (which anyone can write): an address links to
 * the customer who verified it, else to the one customer who has it, else a new customer
 * gets it.
 */
class CustomerMailSendersTests extends IntegrationTest {

	@Autowired
	CustomerContacts contacts;

	@Autowired
	CustomerRepository customers;

	@Autowired
	ContactRepository contactRows;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anUnknownAddressMakesANewCustomerWithItUnverified() {
		String address = address();
		MailSender sender = this.contacts.byEmail(address.toUpperCase(), "Nora\r\nBcc: x");

		assertThat(sender.created()).isTrue();
		assertThat(this.customers.findById(sender.customerId()).orElseThrow().name()).isEqualTo("Nora Bcc: x");
		assertThat(this.contactRows.withValue(ContactKind.EMAIL, address)).singleElement()
			.satisfies((c) -> assertThat(c.verified()).isFalse());
		assertThat(this.contacts.byEmail(address, null)).isEqualTo(new MailSender(sender.customerId(), false, false));
	}

	@Test
	void anAddressOneCustomerHasFindsHim() {
		String address = address();
		long owen = customer(address, false);

		assertThat(this.contacts.byEmail(address, "Owen").customerId()).isEqualTo(owen);
		assertThat(this.contacts.hasEmail(owen, address.toUpperCase())).isTrue();
		assertThat(this.contacts.hasEmail(owen, address())).isFalse();
		assertThat(this.contacts.mailContact(owen).orElseThrow().email()).isEqualTo(address);
	}

	@Test
	void anAddressSeveralCustomersTypedMakesANewCustomer() {
		String address = address();
		long first = customer(address, false);
		long second = customer(address, false);

		MailSender sender = this.contacts.byEmail(address, null);
		assertThat(sender.created()).isTrue();
		assertThat(sender.customerId()).isNotIn(first, second);
	}

	@Test
	void theCustomerWhoVerifiedTheAddressIsItsOwner() {
		String address = address();
		customer(address, false);
		long verified = customer(address, true);

		assertThat(this.contacts.byEmail(address, null)).isEqualTo(new MailSender(verified, false, false));
	}

	@Test
	void aBlockedCustomerIsSaidToBeBlocked() {
		String address = address();
		long blocked = customer(address, false);
		this.jdbc.sql("UPDATE customer SET blocked_at = ? WHERE id = ?").params(this.clock.millis(), blocked).update();

		assertThat(this.contacts.byEmail(address, null).blocked()).isTrue();
		assertThat(this.contacts.mailContact(blocked).orElseThrow().blocked()).isTrue();
	}

	@Test
	void recordsMergedIntoACustomerAreListedAndHisAddressesFollowTheMerge() {
		String address = address();
		long survivor = customer(address(), false);
		long merged = customer(address, false);
		long mergedEarlier = customer(address(), false);
		this.jdbc.sql("UPDATE customer SET merged_into = ? WHERE id = ?").params(survivor, merged).update();
		this.jdbc.sql("UPDATE customer SET merged_into = ? WHERE id = ?").params(merged, mergedEarlier).update();
		this.contactRows.add(survivor, ContactKind.EMAIL, address, false, Instant.now());

		assertThat(this.contacts.mergedInto(survivor)).containsExactlyInAnyOrder(merged, mergedEarlier);
		assertThat(this.contacts.hasEmail(merged, address)).isTrue();
		assertThat(this.contacts.mailContact(mergedEarlier).orElseThrow().customerId()).isEqualTo(survivor);
	}

	private long customer(String address, boolean verified) {
		long id = this.customers.insert(null, null, this.clock.instant());
		this.contactRows.add(id, ContactKind.EMAIL, address, verified, this.clock.instant());
		return id;
	}

	private static String address() {
		return unique("sender").toLowerCase() + "@mail.example";
	}

}
