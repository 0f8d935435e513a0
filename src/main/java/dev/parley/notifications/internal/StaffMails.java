package dev.parley.notifications.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.parley.administration.SettingDefinition;
import dev.parley.administration.SettingDefinitions;
import dev.parley.administration.Settings;
import dev.parley.agents.Teams;
import dev.parley.conversations.ConversationMail;
import dev.parley.conversations.ConversationTransferred;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.MessageLeft;
import dev.parley.conversations.NoteAdded;
import dev.parley.identity.StaffDirectory;
import dev.parley.notifications.NotificationChannel;
import dev.parley.notifications.NotificationRequest;
import dev.parley.notifications.Notifications;
import dev.parley.notifications.internal.preferences.StaffEvent;
import dev.parley.notifications.internal.preferences.StaffPreferences;

import dev.parley.notifications.StaffNews;
import dev.parley.notifications.StaffNotices;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What staff are told by e-mail or text message, each on the channels he chose for that
 * kind of news (StaffPreferences): a message left in his group (members or supervisors,
 * {@code notifications.leftMessageStaff}); a mention while he is not in the console; a
 * conversation someone else transferred to him while he is not in the console (routing
 * gives conversations only to agents who are online, and an agent who takes one knows).
 * Waiting alerts are {@link WaitingAlerts}.
 */
@Component
class StaffMails implements StaffNotices {

	static final String LEFT_MESSAGE_STAFF = "notifications.leftMessageStaff";

	private final Notifications notifications;

	private final StaffDirectory staff;

	private final StaffPreferences preferences;

	private final Teams teams;

	private final GroupDirectory groups;

	private final ConversationMail conversations;

	private final Settings settings;

	StaffMails(Notifications notifications, StaffDirectory staff, StaffPreferences preferences, Teams teams,
			GroupDirectory groups, ConversationMail conversations, Settings settings) {
		this.notifications = notifications;
		this.staff = staff;
		this.preferences = preferences;
		this.teams = teams;
		this.groups = groups;
		this.conversations = conversations;
		this.settings = settings;
	}

	@Bean
	static SettingDefinitions staffMailSettingDefinitions() {
		return new SettingDefinitions(
				SettingDefinition.choice(LEFT_MESSAGE_STAFF, "members", List.of("members", "supervisors", "nobody")));
	}

	@ApplicationModuleListener
	void on(MessageLeft event) {
		String who = this.settings.get(LEFT_MESSAGE_STAFF);
		if (event.groupId() == null || "nobody".equals(who)) {
			return;
		}
		List<Long> recipients = this.teams.members(event.groupId())
			.stream()
			.filter((m) -> "members".equals(who) || m.supervisor())
			.map(Teams.Member::userId)
			.toList();
		Map<String, Object> values = new HashMap<>();
		ConversationMail.Contact contact = this.conversations.contact(event.conversationId()).orElse(null);
		values.put("visitor", visitorName(event.name(), (contact != null) ? contact.email() : null,
				(contact != null) ? contact.phone() : null));
		values.put("group", this.groups.name(event.groupId()).orElse(""));
		values.put("text", event.text());
		values.put("link", link("/console/inbox?conversation=" + event.conversationId()));
		tell(recipients, StaffEvent.LEFT_MESSAGE, TemplateKey.MESSAGE_LEFT_STAFF,
				"message-left-staff:" + event.conversationId(), values, event.conversationId());
	}

	@ApplicationModuleListener
	void on(NoteAdded event) {
		List<Long> mentioned = event.mentionedUserIds().stream().filter((id) -> id != event.authorId()).toList();
		if (mentioned.isEmpty()) {
			return;
		}
		Set<Long> present = this.teams.inConsole(mentioned);
		List<Long> away = mentioned.stream().filter((id) -> !present.contains(id)).toList();
		Map<String, Object> values = new HashMap<>();
		values.put("author", this.staff.displayNames(List.of(event.authorId())).getOrDefault(event.authorId(), ""));
		values.put("visitor", visitorOf(event.conversationId()));
		values.put("link", link("/console/mentions"));
		tell(away, StaffEvent.MENTION, TemplateKey.MENTION, "mention:" + event.noteId(), values,
				event.conversationId());
	}

	@ApplicationModuleListener
	void on(ConversationTransferred event) {
		if (event.toAgentId() != null && !event.toAgentId().equals(event.byUserId())) {
			assignedWhileAway(event.conversationId(), event.toAgentId(), event.at());
		}
	}

	private void assignedWhileAway(long conversationId, long agentId, java.time.Instant at) {
		if (!this.teams.inConsole(List.of(agentId)).isEmpty()) {
			return;
		}
		Map<String, Object> values = new HashMap<>();
		values.put("visitor", visitorOf(conversationId));
		values.put("link", link("/console/inbox?conversation=" + conversationId));
		tell(List.of(agentId), StaffEvent.ASSIGNED, TemplateKey.ASSIGNED,
				"assigned:" + conversationId + ":" + agentId + ":" + at.toEpochMilli(), values, conversationId);
	}

	/**
	 * Stores one notification per staff member and channel he wants for this kind of
	 * news, in his language; disabled accounts and missing addresses get nothing.
	 */
	void tell(Collection<Long> userIds, StaffEvent kind, TemplateKey template, String key, Map<String, Object> values,
			Long conversationId) {
		if (userIds.isEmpty()) {
			return;
		}
		Map<Long, StaffDirectory.StaffContact> contacts = this.staff.contacts(userIds);
		Set<Long> byEmail = this.preferences.wanting(userIds, kind, NotificationChannel.EMAIL);
		Set<Long> bySms = this.preferences.wanting(userIds, kind, NotificationChannel.SMS);
		for (StaffDirectory.StaffContact contact : contacts.values()) {
			if (!contact.enabled()) {
				continue;
			}
			Map<String, Object> personal = new HashMap<>(values);
			personal.put("name", contact.displayName());
			if (byEmail.contains(contact.id()) && contact.email() != null) {
				this.notifications.enqueue(NotificationRequest.toStaff(key + ":" + contact.id() + ":email",
						NotificationChannel.EMAIL, contact.email(), contact.id(), template.key(), contact.language(),
						personal, conversationId));
			}
			if (bySms.contains(contact.id()) && contact.phone() != null) {
				this.notifications.enqueue(NotificationRequest.toStaff(key + ":" + contact.id() + ":sms",
						NotificationChannel.SMS, contact.phone(), contact.id(), template.key(), contact.language(),
						personal, conversationId));
			}
		}
	}

	@Override
	public void tell(Collection<Long> userIds, StaffNews news, String template, String key,
			Map<String, Object> values) {
		TemplateKey known = TemplateKey.of(template)
			.filter((t) -> t.audience() == dev.parley.notifications.Audience.STAFF)
			.orElseThrow(() -> new IllegalArgumentException("No staff template " + template));
		tell(userIds, StaffEvent.valueOf(news.name()), known, key, values, null);
	}

	String link(String path) {
		return this.settings.get("organisation.publicUrl") + path;
	}

	private String visitorOf(long conversationId) {
		return this.conversations.contact(conversationId)
			.map((c) -> visitorName(c.name(), c.email(), c.phone()))
			.orElse("");
	}

	private static String visitorName(String name, String email, String phone) {
		return (name != null) ? name : (email != null) ? email : (phone != null) ? phone : "";
	}

}
