package dev.parley.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.administration.Settings;
import dev.parley.identity.StaffAccessChanged;
import dev.parley.platform.ApiException;
import dev.parley.platform.SecretBox;
import dev.parley.platform.StaffActor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's second factor: an authenticator app (TOTP, its secret sealed with the
 * {@link SecretBox}) and single-use recovery codes, stored as hashes. Only the user
 * enrols himself; an administrator can only take it all away (the user enrols again).
 * Every change is audited.
 */
@Service
public class TwoFactor {

	static final int RECOVERY_CODES = 10;

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	/** 16 Base32 characters (80 random bits), written in groups of four. */
	private static final Pattern RECOVERY_CODE = Pattern.compile("[A-Z2-7]{16}");

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private final TwoFactorRepository secrets;

	private final PasskeyStore passkeys;

	private final TotpCodes codes;

	private final SecretBox box;

	private final StaffUserRepository users;

	private final RoleRepository roles;

	private final Settings settings;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	TwoFactor(TwoFactorRepository secrets, PasskeyStore passkeys, TotpCodes codes, SecretBox box,
			StaffUserRepository users, RoleRepository roles, Settings settings, AuditLog auditLog,
			ApplicationEventPublisher events, Clock clock) {
		this.secrets = secrets;
		this.passkeys = passkeys;
		this.codes = codes;
		this.box = box;
		this.users = users;
		this.roles = roles;
		this.settings = settings;
		this.auditLog = auditLog;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @param enabled whether the user signs in with a second factor (app or passkey)
	 * @param enabledAt when the app was confirmed, or null
	 * @param app whether the user has a confirmed authenticator app
	 * @param passkeys how many passkeys the user has
	 * @param requiredByRole whether the user's role demands one
	 */
	public record Status(boolean enabled, Instant enabledAt, int recoveryCodesLeft, boolean requiredByRole, boolean app,
			int passkeys) {
	}

	/** What the user sees once to set up the app: the secret as text and as QR code. */
	public record Enrolment(String secret, String otpauthUri, String qrCode) {
	}

	public Status status(long userId) {
		StaffUser user = user(userId);
		var secret = this.secrets.find(userId).filter(TwoFactorRepository.Secret::confirmed);
		int passkeys = this.passkeys.count(userId);
		boolean enabled = secret.isPresent() || passkeys > 0;
		return new Status(enabled, secret.map(TwoFactorRepository.Secret::confirmedAt).orElse(null),
				enabled ? this.secrets.recoveryCodesLeft(userId) : 0, this.roles.requiresTwoFactor(user.roleId()),
				secret.isPresent(), passkeys);
	}

	/**
	 * @return whether the user has a second factor: a confirmed app or a passkey
	 */
	public boolean enabled(long userId) {
		return this.secrets.hasSecondFactor(userId);
	}

	/**
	 * @return how the user can give his second factor at sign-in: {@code totp},
	 * {@code passkey}, {@code recovery_code}
	 */
	public List<String> signInMethods(long userId) {
		List<String> methods = new ArrayList<>();
		if (this.secrets.confirmed(userId)) {
			methods.add("totp");
		}
		if (this.passkeys.count(userId) > 0) {
			methods.add("passkey");
		}
		methods.add("recovery_code");
		return methods;
	}

	/**
	 * Starts (or starts again) the user's enrolment: a new secret, shown this once.
	 * @throws ApiException {@code two_factor_already_enabled}
	 */
	@Transactional
	public Enrolment begin(long userId) {
		StaffUser user = user(userId);
		if (this.secrets.confirmed(userId)) {
			throw ApiException.conflict("two_factor_already_enabled", "Two-factor sign-in is already on");
		}
		byte[] secret = this.codes.newSecret();
		this.secrets.begin(userId, this.box.seal(Base64.getEncoder().encodeToString(secret)), this.clock.instant());
		String issuer = this.settings.get("organisation.name");
		String uri = TotpCodes.otpauthUri((issuer == null || issuer.isBlank()) ? "Parley" : issuer, user.username(),
				secret);
		return new Enrolment(TotpCodes.base32(secret), uri, TotpCodes.qrCode(uri));
	}

	/**
	 * Confirms the enrolment with a code from the app.
	 * @return the recovery codes, shown this once
	 * @throws ApiException {@code malformed_code}, {@code wrong_code},
	 * {@code no_two_factor_enrolment}, {@code two_factor_already_enabled}
	 */
	@Transactional(noRollbackFor = ApiException.class)
	public List<String> confirm(long userId, String code) {
		StaffUser user = user(userId);
		String digits = checkedCode(code);
		TwoFactorRepository.Secret secret = this.secrets.find(userId)
			.orElseThrow(() -> ApiException.conflict("no_two_factor_enrolment", "Start the enrolment first"));
		if (secret.confirmed()) {
			throw ApiException.conflict("two_factor_already_enabled", "Two-factor sign-in is already on");
		}
		Instant now = this.clock.instant();
		OptionalLong step = this.codes.matchingStep(open(secret), digits, now);
		if (step.isEmpty()) {
			this.auditLog.record(user.username(), "two_factor.failed", user.username(), AuditResult.FAILURE,
					"wrong code at enrolment");
			throw ApiException.badRequest("wrong_code", "The code is wrong or expired");
		}
		if (!this.secrets.confirm(userId, step.getAsLong(), now)) {
			throw ApiException.conflict("two_factor_already_enabled", "Two-factor sign-in is already on");
		}
		List<String> recoveryCodes = newRecoveryCodes(userId, now);
		this.auditLog.record(user.username(), "two_factor.enrolled", user.username(), AuditResult.SUCCESS,
				"authenticator app");
		return recoveryCodes;
	}

	/**
	 * Replaces the user's recovery codes with new ones (after the password was checked).
	 * @throws ApiException {@code two_factor_not_enabled}
	 */
	@Transactional
	public List<String> renewRecoveryCodes(long userId) {
		StaffUser user = user(userId);
		if (!this.secrets.hasSecondFactor(userId)) {
			throw ApiException.conflict("two_factor_not_enabled", "Two-factor sign-in is off");
		}
		List<String> recoveryCodes = newRecoveryCodes(userId, this.clock.instant());
		this.auditLog.record(user.username(), "two_factor.recovery_codes_renewed", user.username(), AuditResult.SUCCESS,
				null);
		return recoveryCodes;
	}

	/**
	 * The user turns his own authenticator app off (after the password was checked). His
	 * passkeys stay, and with them the recovery codes; without passkeys the codes go too.
	 * @throws ApiException {@code two_factor_required_by_role},
	 * {@code two_factor_not_enabled}
	 */
	@Transactional
	public void removeOwn(long userId) {
		StaffUser user = user(userId);
		boolean passkeysLeft = this.passkeys.count(userId) > 0;
		if (!passkeysLeft && this.roles.requiresTwoFactor(user.roleId())) {
			throw ApiException.conflict("two_factor_required_by_role", "Your role requires two-factor sign-in");
		}
		if (!this.secrets.removeApp(userId)) {
			throw ApiException.conflict("two_factor_not_enabled", "Two-factor sign-in is off");
		}
		if (!passkeysLeft) {
			this.secrets.removeRecoveryCodes(userId);
		}
		this.auditLog.record(user.username(), "two_factor.removed", user.username(), AuditResult.SUCCESS, null);
	}

	/**
	 * An administrator takes a user's second factor away (a lost phone): the app secret,
	 * the passkeys and the recovery codes are removed, every session of the user ends,
	 * and the user enrols again if the role requires it.
	 */
	@Transactional
	public void reset(long userId, StaffActor actor) {
		StaffUser user = user(userId);
		int passkeys = this.passkeys.removeAll(userId);
		boolean had = this.secrets.remove(userId) || passkeys > 0;
		this.users.raiseSessionVersion(userId);
		this.auditLog.record(actor.username(), "two_factor.reset", user.username(), AuditResult.SUCCESS,
				had ? ((passkeys > 0) ? passkeys + " passkey(s) removed" : null) : "nothing was enrolled");
		this.events.publishEvent(StaffAccessChanged.of(Set.of(userId), StaffAccessChanged.Reason.TWO_FACTOR_RESET));
	}

	/**
	 * Recovery codes for a user whose first second factor is a passkey: the fallback when
	 * the passkey is lost.
	 */
	List<String> firstRecoveryCodes(long userId) {
		return newRecoveryCodes(userId, this.clock.instant());
	}

	/** The outcome of a code given at sign-in. */
	enum Check {

		ACCEPTED, WRONG, ALREADY_USED

	}

	/**
	 * Checks an app code at sign-in, and takes its time step as used.
	 * @param digits six digits, checked by {@link #checkedCode}
	 */
	Check checkCode(long userId, String digits, Instant now) {
		var secret = this.secrets.find(userId).filter(TwoFactorRepository.Secret::confirmed);
		if (secret.isEmpty()) {
			return Check.WRONG;
		}
		OptionalLong step = this.codes.matchingStep(open(secret.get()), digits, now);
		if (step.isEmpty()) {
			return Check.WRONG;
		}
		return this.secrets.useStep(userId, step.getAsLong()) ? Check.ACCEPTED : Check.ALREADY_USED;
	}

	/**
	 * Uses up a recovery code.
	 * @param normalised as {@link #checkedRecoveryCode} made it
	 */
	boolean useRecoveryCode(long userId, String normalised, Instant now) {
		return this.secrets.useRecoveryCode(userId, hash(normalised), now);
	}

	int recoveryCodesLeft(long userId) {
		return this.secrets.recoveryCodesLeft(userId);
	}

	/**
	 * @return the code's six digits (spaces the user typed are left out)
	 * @throws ApiException {@code malformed_code}
	 */
	static String checkedCode(String code) {
		String digits = (code != null) ? code.replace(" ", "") : "";
		if (!CODE.matcher(digits).matches()) {
			throw ApiException.badRequest("malformed_code", "A code is six digits");
		}
		return digits;
	}

	/**
	 * @return the recovery code without dashes and spaces, in capitals
	 * @throws ApiException {@code malformed_recovery_code}
	 */
	static String checkedRecoveryCode(String code) {
		String normalised = (code != null) ? code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT) : "";
		if (!RECOVERY_CODE.matcher(normalised).matches()) {
			throw ApiException.badRequest("malformed_recovery_code",
					"A recovery code is 16 letters and digits in groups of four");
		}
		return normalised;
	}

	private List<String> newRecoveryCodes(long userId, Instant now) {
		List<String> shown = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 16; c++) {
				code.append(BASE32.charAt(this.random.nextInt(32)));
			}
			hashes.add(hash(code.toString()));
			shown.add(code.toString().toLowerCase(Locale.ROOT).replaceAll("(.{4})(?!$)", "$1-"));
		}
		this.secrets.replaceRecoveryCodes(userId, hashes, now);
		return shown;
	}

	private byte[] open(TwoFactorRepository.Secret secret) {
		return Base64.getDecoder().decode(this.box.open(secret.sealedSecret()));
	}

	private StaffUser user(long id) {
		return this.users.findById(id).orElseThrow(() -> ApiException.notFound("User"));
	}

	/** SHA-256: recovery codes are long random secrets, so a fast hash is enough. */
	private static String hash(String code) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
