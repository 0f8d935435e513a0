package dev.parley.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's own profile: name, e-mail, phone and language for e-mails, which every
 * signed-in staff member may change for themself (and only for themself). Shapes are
 * checked by the web layer; changes are audited with the fields that changed.
 */
@Service
public class OwnProfiles {

	private final StaffUserRepository users;

	private final AuditLog auditLog;

	private final SignIn signIn;

	OwnProfiles(StaffUserRepository users, AuditLog auditLog, SignIn signIn) {
		this.users = users;
		this.auditLog = auditLog;
		this.signIn = signIn;
	}

	/**
	 * One's own profile.
	 *
	 * @param language en, zh-CN or zh-TW, or null for the organisation's
	 */
	public record OwnProfile(String username, String displayName, String email, String phone, String language) {
	}

	public OwnProfile get(long userId) {
		StaffUser user = this.users.findById(userId).orElseThrow(() -> ApiException.notFound("User"));
		return new OwnProfile(user.username(), user.displayName(), user.email(), user.phone(),
				this.users.language(userId));
	}

	/**
	 * Changes one's own profile. A new e-mail address (where password resets go) needs
	 * the current password, so a session left open cannot be used to take the account
	 * over.
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public OwnProfile update(long userId, OwnProfile changed, String currentPassword) {
		OwnProfile before = get(userId);
		OwnProfile after = new OwnProfile(before.username(), changed.displayName().strip(),
				blankToNull(changed.email()), blankToNull(changed.phone()), blankToNull(changed.language()));
		if (!Objects.equals(before.email(), after.email())) {
			this.signIn.confirmPassword(userId, currentPassword, "profile.updated");
		}
		return store(userId, before, after);
	}

	private OwnProfile store(long userId, OwnProfile before, OwnProfile after) {
		this.users.updateOwnProfile(userId, after.displayName(), after.email(), after.phone(), after.language());
		List<String> fields = new ArrayList<>();
		if (!before.displayName().equals(after.displayName())) {
			fields.add("name");
		}
		if (!Objects.equals(before.email(), after.email())) {
			fields.add("e-mail");
		}
		if (!Objects.equals(before.phone(), after.phone())) {
			fields.add("phone");
		}
		if (!Objects.equals(before.language(), after.language())) {
			fields.add("language");
		}
		if (!fields.isEmpty()) {
			this.auditLog.record(before.username(), "profile.updated", before.username(), AuditResult.SUCCESS,
					String.join(", ", fields));
		}
		return after;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
