package dev.parley.tickets.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.parley.customers.CustomerDirectory;
import dev.parley.identity.StaffDirectory;
import dev.parley.tickets.internal.TicketArticle;

import org.springframework.stereotype.Component;

/** Names the authors of articles for staff: display names, and the customer's name. */
@Component
class ArticleAuthors {

	private final StaffDirectory staff;

	private final CustomerDirectory customers;

	ArticleAuthors(StaffDirectory staff, CustomerDirectory customers) {
		this.staff = staff;
		this.customers = customers;
	}

	List<TicketController.ArticleView> named(List<TicketArticle> articles,
			Map<Long, List<dev.parley.tickets.internal.TicketAttachments.Attachment>> files) {
		Map<Long, String> staffNames = this.staff.displayNames(
				articles.stream().map(TicketArticle::authorStaffId).filter(Objects::nonNull).distinct().toList());
		Map<Long, String> customerNames = new HashMap<>();
		List<TicketController.ArticleView> views = new ArrayList<>();
		for (TicketArticle a : articles) {
			String name = (a.authorStaffId() != null) ? staffNames.get(a.authorStaffId())
					: (a.authorCustomerId() != null)
							? customerNames.computeIfAbsent(a.authorCustomerId(),
									(id) -> this.customers.card(id).map(CustomerDirectory.Card::name).orElse(null))
							: null;
			views.add(new TicketController.ArticleView(a.id(), a.kind().name(), a.via().name(), a.authorStaffId(),
					a.authorCustomerId(), name, a.body(), a.alsoSms(), a.createdAt(),
					files.getOrDefault(a.id(), List.of())));
		}
		return views;
	}

}
