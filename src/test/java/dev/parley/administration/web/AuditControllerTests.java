package dev.parley.administration.web;

import java.time.Instant;
import java.util.List;

import dev.parley.administration.internal.AuditQuery;
import dev.parley.administration.internal.AuditQuery.AuditEntry;
import dev.parley.platform.Permission;
import dev.parley.testing.ControllerSliceTest;
import dev.parley.testing.StaffAuthentications;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log's web rules on their own (a {@code @WebMvcTest} slice, no database): the
 * permission, the parameters it refuses before any query runs, and the cursor paging.
 * What the filters find is tested over HTTP in {@code SettingsAndAuditTests}.
 */
@ControllerSliceTest(AuditController.class)
class AuditControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditQuery query;

	@MockitoBean
	AuditDetails details;

	private static RequestPostProcessor staff(Permission... permissions) {
		return authentication(StaffAuthentications.of(7, "support", permissions));
	}

	private static AuditEntry entry(long id) {
		return new AuditEntry(id, Instant.ofEpochSecond(id), "ada", "login.failed", "ada", "127.0.0.1", "failure",
				null);
	}

	@Test
	void aFullPageNamesTheCursorOfItsLastEntry() throws Exception {
		given(this.query.find(isNull(), isNull(), isNull(), isNull(), isNull(), eq(3)))
			.willReturn(List.of(entry(9), entry(8), entry(7)));
		this.mvc.perform(get("/api/v1/audit-events?limit=2").with(staff(Permission.AUDIT_VIEW)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[1].id").value(8))
			.andExpect(jsonPath("$.nextCursor").value("8"));
	}

	@Test
	void theLastPageHasNoCursor() throws Exception {
		given(this.query.find(any(), any(), any(), any(), eq(8L), eq(3))).willReturn(List.of(entry(7)));
		this.mvc.perform(get("/api/v1/audit-events?limit=2&before=8").with(staff(Permission.AUDIT_VIEW)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.nextCursor").doesNotExist());
	}

	@Test
	void badParametersAreRefusedBeforeAnyQuery() throws Exception {
		for (String bad : List.of("limit=0", "limit=201", "limit=many", "before=x", "from=yesterday",
				"to=2026-13-01T00:00:00Z", "actor=" + "a".repeat(65), "action=" + "b".repeat(65))) {
			this.mvc.perform(get("/api/v1/audit-events?" + bad).with(staff(Permission.AUDIT_VIEW)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.code")
					.value(org.hamcrest.Matchers.oneOf("validation_failed", "malformed_request")));
		}
		verifyNoInteractions(this.query);
	}

	@Test
	void withoutTheAuditPermissionNothingIsRead() throws Exception {
		this.mvc.perform(get("/api/v1/audit-events").with(staff(Permission.USER_MANAGE, Permission.SETTINGS_MANAGE)))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("forbidden"));
		this.mvc.perform(get("/api/v1/audit-events/actions").with(staff(Permission.USER_VIEW)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(this.query);
		given(this.query.actions()).willReturn(List.of("login.failed"));
		this.mvc.perform(get("/api/v1/audit-events/actions").with(staff(Permission.AUDIT_VIEW)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0]").value("login.failed"));
	}

	@Test
	void limitDefaultsToFifty() throws Exception {
		given(this.query.find(any(), any(), any(), any(), any(), anyInt())).willReturn(List.of());
		this.mvc.perform(get("/api/v1/audit-events").with(staff(Permission.AUDIT_VIEW)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0));
		org.mockito.Mockito.verify(this.query).find(null, null, null, null, null, 51);
	}

}
