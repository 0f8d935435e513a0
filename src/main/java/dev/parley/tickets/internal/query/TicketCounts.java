package dev.parley.tickets.internal.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.platform.ApiException;
import dev.parley.tickets.internal.TicketAccess;
import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.query.TicketFilter.Condition;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live counts of the console's navigation: each standard view's and each saved
 * view's, counted up to {@link #CAP} (more reads as "1000+"), on the indexes of the
 * views. The console asks again every 30 seconds (docs/tickets.md).
 */
@Component
public class TicketCounts {

	static final int CAP = 1000;

	private final TicketFilterParser parser;

	private final TicketQuery query;

	private final TicketViews views;

	private final TicketAccess access;

	private final Clock clock;

	TicketCounts(TicketFilterParser parser, TicketQuery query, TicketViews views, TicketAccess access, Clock clock) {
		this.parser = parser;
		this.query = query;
		this.views = views;
		this.access = access;
		this.clock = clock;
	}

	/**
	 * @return view name to its count (a number, or "1000+"), and {@code views}: saved
	 * view id to its count (null when its filter no longer parses, e.g. a field deleted)
	 */
	@Transactional(readOnly = true)
	public Map<String, Object> counts(TicketActor actor) {
		List<Long> groups = this.access.myGroups(actor);
		List<Condition> visible = TicketVisibility.conditions(actor, groups);
		Map<String, Object> counts = new LinkedHashMap<>();
		// the reader's visibility is counted once for all views
		Map<Condition, Integer> sizes = new HashMap<>();
		for (TicketView view : TicketView.values()) {
			if (view == TicketView.ALL) {
				continue;
			}
			List<Condition> conditions = new ArrayList<>(visible);
			conditions.addAll(this.parser.view(view.param(), false, actor, groups, this.clock.instant()));
			counts.put(view.param(), shown(this.query.count(new TicketFilter(conditions), CAP, sizes)));
		}
		Map<String, Object> saved = new LinkedHashMap<>();
		for (TicketViews.SavedView view : this.views.list(actor)) {
			Map<String, List<String>> params = TicketViews.params(view.filter());
			params.remove("sort");
			params.remove("order");
			try {
				saved.put(Long.toString(view.id()),
						shown(this.query.count(this.parser.parse(params, actor), CAP, sizes)));
			}
			catch (ApiException ex) {
				saved.put(Long.toString(view.id()), null);
			}
		}
		counts.put("views", saved);
		return counts;
	}

	private static Object shown(int count) {
		return (count > CAP) ? CAP + "+" : count;
	}

}
