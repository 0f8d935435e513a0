package dev.parley.tickets;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.parley.tickets.internal.TicketActor;
import dev.parley.tickets.internal.TicketDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A stand-in for {@code GET /api/v1/tickets} and {@code GET /api/v1/tickets/counts} (the
 * "views" work) so that the console's ticket list can be driven before they exist: newest
 * first, no paging, the views roughly. It answers only while the application has no
 * handler of its own for those paths, so it steps aside once the real ones are merged;
 * delete it then.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TicketListStandIn {

	@Bean
	HandlerMapping ticketListStandInMapping(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc,
			JdbcClient jdbc, TicketDetails details) {
		JsonMapper json = JsonMapper.builder().build();
		AbstractHandlerMapping mapping = new AbstractHandlerMapping() {

			private Boolean real;

			@Override
			protected Object getHandlerInternal(HttpServletRequest request) {
				if (!"GET".equals(request.getMethod())) {
					return null;
				}
				String path = request.getRequestURI();
				if (!path.equals("/api/v1/tickets") && !path.equals("/api/v1/tickets/counts")) {
					return null;
				}
				if (this.real == null) {
					this.real = hasRealList(mvc);
				}
				if (this.real) {
					return null;
				}
				return (HttpRequestHandler) (req, res) -> {
					if (path.endsWith("/counts")) {
						write(res, json, counts(jdbc));
					}
					else {
						write(res, json, list(jdbc, details, req.getParameter("q")));
					}
				};
			}
		};
		mapping.setOrder(-10);
		return mapping;
	}

	private static boolean hasRealList(RequestMappingHandlerMapping mvc) {
		for (RequestMappingInfo info : mvc.getHandlerMethods().keySet()) {
			boolean get = info.getMethodsCondition().getMethods().isEmpty()
					|| info.getMethodsCondition().getMethods().stream().anyMatch((m) -> m.name().equals("GET"));
			if (get && info.getPatternValues().contains("/api/v1/tickets")) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> counts(JdbcClient jdbc) {
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("mine", 0);
		counts.put("unassigned", count(jdbc, "assignee_id IS NULL AND status NOT IN ('SOLVED', 'CLOSED')"));
		counts.put("my_groups", 0);
		counts.put("overdue", 0);
		counts.put("due_soon", 0);
		counts.put("pending", count(jdbc, "status = 'PENDING'"));
		return counts;
	}

	private static int count(JdbcClient jdbc, String where) {
		return jdbc.sql("SELECT COUNT(*) FROM ticket WHERE " + where).query(Integer.class).single();
	}

	private static Map<String, Object> list(JdbcClient jdbc, TicketDetails details, String q) {
		List<Long> ids = jdbc.sql("SELECT id FROM ticket ORDER BY updated_at DESC, id DESC LIMIT 50")
			.query(Long.class)
			.list();
		List<Map<String, Object>> items = new ArrayList<>();
		for (Long id : ids) {
			TicketDetails.View v = details.view(id, TicketActor.system());
			if (q != null && !q.isBlank() && !v.subject().contains(q) && !v.number().contains(q)) {
				continue;
			}
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", v.id());
			item.put("number", v.number());
			item.put("subject", v.subject());
			item.put("status", v.status());
			item.put("pendingOn", v.pendingOn());
			item.put("priority", v.priority());
			item.put("type", v.type());
			item.put("customer", v.customer());
			item.put("assignee", v.assignee());
			item.put("group", v.group());
			item.put("slaDueAt", (v.slaDueAt() != null) ? v.slaDueAt().toString() : null);
			item.put("updatedAt", v.updatedAt().toString());
			item.put("tags", v.tags());
			items.add(item);
		}
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("items", items);
		page.put("nextCursor", null);
		return page;
	}

	private static void write(HttpServletResponse response, JsonMapper json, Object body) throws IOException {
		response.setStatus(200);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

}
