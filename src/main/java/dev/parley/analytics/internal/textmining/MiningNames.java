package dev.parley.analytics.internal.textmining;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.parley.conversations.ConversationFacts;
import dev.parley.conversations.PublicNames;
import dev.parley.customers.CustomerDirectory;
import dev.parley.identity.StaffDirectory;

import org.springframework.stereotype.Component;

/**
 * The names of the people of each conversation, which the analyzer takes out of its texts
 * before reading them (personal data is never a keyword): the names its transcript shows,
 * the visitor's name and his customer record's, and the display and public names of the
 * staff members who took part, each read through its module's public API.
 */
@Component
class MiningNames {

	private final ConversationFacts conversations;

	private final CustomerDirectory customers;

	private final StaffDirectory staff;

	private final PublicNames publicNames;

	MiningNames(ConversationFacts conversations, CustomerDirectory customers, StaffDirectory staff,
			PublicNames publicNames) {
		this.conversations = conversations;
		this.customers = customers;
		this.staff = staff;
		this.publicNames = publicNames;
	}

	/**
	 * @return the names of each conversation's people, by conversation (unknown ids
	 * absent)
	 */
	Map<Long, Set<String>> of(Collection<Long> conversationIds) {
		Map<Long, ConversationFacts.Participants> participants = this.conversations.participants(conversationIds);
		Set<Long> staffIds = new LinkedHashSet<>();
		Set<Long> customerIds = new LinkedHashSet<>();
		participants.values().forEach((p) -> {
			staffIds.addAll(p.staffIds());
			if (p.customerId() != null) {
				customerIds.add(p.customerId());
			}
		});
		Map<Long, String> displayNames = staffIds.isEmpty() ? Map.of() : this.staff.displayNames(staffIds);
		Map<Long, String> shownNames = staffIds.isEmpty() ? Map.of() : this.publicNames.publicNames(staffIds);
		Map<Long, String> customerNames = customerIds.isEmpty() ? Map.of() : this.customers.names(customerIds);
		Map<Long, Set<String>> names = new HashMap<>();
		participants.forEach((id, p) -> {
			Set<String> of = new LinkedHashSet<>(p.names());
			if (p.customerId() != null) {
				of.add(customerNames.get(p.customerId()));
			}
			for (Long staffId : p.staffIds()) {
				of.add(displayNames.get(staffId));
				of.add(shownNames.get(staffId));
			}
			of.removeIf(Objects::isNull);
			names.put(id, of);
		});
		return names;
	}

}
