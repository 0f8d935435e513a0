package dev.parley.conversations.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.parley.administration.AuditLog;
import dev.parley.administration.AuditResult;
import dev.parley.platform.ApiException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static dev.parley.platform.ApiException.invalid;

/** Creating and changing channels, with the checks an administrator's input needs. */
@Service
public class Channels {

	private static final SecureRandom random = new SecureRandom();

	private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?");

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	private static final String KEY_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final ChannelRepository channels;

	private final AuditLog auditLog;

	private final Clock clock;

	private final dev.parley.conversations.GroupDirectory groups;

	Channels(ChannelRepository channels, AuditLog auditLog, Clock clock,
			dev.parley.conversations.GroupDirectory groups) {
		this.groups = groups;
		this.channels = channels;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What an administrator sets on a channel. */
	public record Settings(String name, List<String> allowedOrigins, String greeting, String color,
			boolean prechatEnabled, List<String> prechatFields, boolean enabled, List<Channel.Topic> topics,
			List<String> uploadTypes) {
	}

	public List<Channel> list() {
		return this.channels.findAll();
	}

	public Channel get(long id) {
		return this.channels.findById(id).orElseThrow(() -> ApiException.notFound("Channel"));
	}

	@Transactional
	public Channel create(String kind, Settings settings, String actor) {
		if (!Channel.WEBSITE.equals(kind) && !Channel.API.equals(kind)) {
			throw invalid("kind", "must be website or api");
		}
		Settings clean = check(settings, null);
		Channel channel = new Channel(0, kind, clean.name(), newKey(), clean.allowedOrigins(), clean.greeting(),
				clean.color(), clean.prechatEnabled(), clean.prechatFields(), newSecret(), clean.enabled(),
				this.clock.instant(), clean.topics(), clean.uploadTypes());
		long id = this.channels.insert(channel);
		this.auditLog.record(actor, "channel.created", clean.name(), AuditResult.SUCCESS, kind);
		return get(id);
	}

	@Transactional
	public Channel update(long id, Settings settings, String actor) {
		Channel current = get(id);
		Settings clean = check(settings, id);
		this.channels.update(new Channel(id, current.kind(), clean.name(), current.key(), clean.allowedOrigins(),
				clean.greeting(), clean.color(), clean.prechatEnabled(), clean.prechatFields(),
				current.identitySecret(), clean.enabled(), current.createdAt(), clean.topics(), clean.uploadTypes()));
		this.auditLog.record(actor, "channel.updated", clean.name(), AuditResult.SUCCESS,
				clean.enabled() ? "enabled" : "disabled");
		return get(id);
	}

	@Transactional
	public Channel rotateSecret(long id, String actor) {
		Channel current = get(id);
		this.channels.update(new Channel(id, current.kind(), current.name(), current.key(), current.allowedOrigins(),
				current.greeting(), current.color(), current.prechatEnabled(), current.prechatFields(), newSecret(),
				current.enabled(), current.createdAt(), current.topics(), current.uploadTypes()));
		this.auditLog.record(actor, "channel.secret.rotated", current.name(), AuditResult.SUCCESS, null);
		return get(id);
	}

	@Transactional
	public void delete(long id, String actor) {
		Channel current = get(id);
		if (this.channels.hasConversations(id)) {
			throw ApiException.conflict("conflict", "The channel has conversations; disable it instead");
		}
		this.channels.delete(id);
		this.auditLog.record(actor, "channel.deleted", current.name(), AuditResult.SUCCESS, null);
	}

	private Settings check(Settings settings, Long id) {
		String name = (settings.name() != null) ? settings.name().strip() : "";
		if (name.isEmpty() || name.length() > 100) {
			throw invalid("name", "must be 1-100 characters");
		}
		if (this.channels.nameTaken(name, id)) {
			throw ApiException.conflict("duplicate_channel", "A channel named " + name + " exists");
		}
		List<String> origins = new ArrayList<>();
		for (String origin : (settings.allowedOrigins() != null) ? settings.allowedOrigins() : List.<String>of()) {
			String value = (origin != null) ? origin.strip().toLowerCase(Locale.ROOT) : "";
			if (value.endsWith("/")) {
				value = value.substring(0, value.length() - 1);
			}
			if (value.isEmpty()) {
				continue;
			}
			if (!value.equals("*") && !ORIGIN.matcher(value).matches()) {
				throw invalid("allowedOrigins", "'" + origin + "' is not an origin like https://www.example.com");
			}
			if (!origins.contains(value)) {
				origins.add(value);
			}
		}
		if (origins.size() > 20) {
			throw invalid("allowedOrigins", "at most 20 origins");
		}
		String greeting = (settings.greeting() != null) ? settings.greeting().strip() : "";
		if (greeting.length() > 500) {
			throw invalid("greeting", "must be at most 500 characters");
		}
		String color = (settings.color() != null && !settings.color().isBlank()) ? settings.color().strip() : "#1f6feb";
		if (!COLOR.matcher(color).matches()) {
			throw invalid("color", "must be a colour like #1f6feb");
		}
		List<String> fields = new ArrayList<>();
		for (String field : (settings.prechatFields() != null) ? settings.prechatFields() : List.<String>of()) {
			if (!Channel.PRECHAT_FIELDS.contains(field)) {
				throw invalid("prechatFields", "unknown field '" + field + "'");
			}
			if (!fields.contains(field)) {
				fields.add(field);
			}
		}
		List<Channel.Topic> topics = new ArrayList<>();
		for (Channel.Topic topic : (settings.topics() != null) ? settings.topics() : List.<Channel.Topic>of()) {
			String label = (topic != null && topic.label() != null) ? topic.label().strip() : "";
			if (label.isEmpty() || label.length() > 60 || label.contains("\t") || label.contains("\n")) {
				throw invalid("topics", "each topic needs a label of 1-60 characters on one line");
			}
			if (this.groups.name(topic.groupId()).isEmpty()) {
				throw ApiException.badRequest("unknown_group", "No group with id " + topic.groupId())
					.with("groupId", topic.groupId());
			}
			if (topics.stream().anyMatch((t) -> t.groupId() == topic.groupId() || t.label().equals(label))) {
				throw invalid("topics", "each group and each label at most once");
			}
			topics.add(new Channel.Topic(topic.groupId(), label));
		}
		if (topics.size() > 10) {
			throw invalid("topics", "at most 10 topics");
		}
		return new Settings(name, List.copyOf(origins), greeting.isEmpty() ? null : greeting,
				color.toLowerCase(Locale.ROOT), settings.prechatEnabled(), List.copyOf(fields), settings.enabled(),
				List.copyOf(topics), uploadTypes(settings.uploadTypes()));
	}

	/** The kinds of file visitors may send, in their order; none given: the default. */
	private static List<String> uploadTypes(List<String> given) {
		if (given == null) {
			return FileKind.defaultNames();
		}
		java.util.Set<FileKind> kinds = java.util.EnumSet.noneOf(FileKind.class);
		for (String name : given) {
			FileKind kind = FileKind.of(name);
			if (kind == null) {
				throw invalid("uploadTypes", "unknown kind of file '" + name + "'");
			}
			kinds.add(kind);
		}
		return kinds.stream().map(FileKind::value).toList();
	}

	private static String newKey() {
		StringBuilder key = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
		}
		return key.toString();
	}

	private static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
