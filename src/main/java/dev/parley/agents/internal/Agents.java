package dev.parley.agents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.parley.agents.AgentProfileChanged;
import dev.parley.agents.AgentStatus;
import dev.parley.agents.AgentStatusChanged;
import dev.parley.agents.TicketCandidates;
import dev.parley.administration.Settings;
import dev.parley.conversations.ConversationQueue;
import dev.parley.identity.StaffDirectory;
import dev.parley.platform.ApiException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Agent profiles and statuses. */
@Service
public class Agents {

	/**
	 * Whether a sign-in gives an agent back the status his closed console took from him.
	 */
	static final String REMEMBER_STATUS_SETTING = "routing.rememberStatus";

	private final AgentRepository agents;

	private final ConversationQueue queue;

	private final StaffDirectory staff;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Settings settings;

	private final Avatars avatars;

	Agents(AgentRepository agents, ConversationQueue queue, StaffDirectory staff, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock, Settings settings, Avatars avatars) {
		this.avatars = avatars;
		this.agents = agents;
		this.queue = queue;
		this.staff = staff;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * An agent with their display name and current load.
	 *
	 * @param capacity open conversations at once
	 * @param ticketCapacity unsolved tickets at once (automatic assignment)
	 */
	public record AgentView(long userId, String username, String displayName, String publicName, List<String> languages,
			List<String> skills, int capacity, AgentStatus status, int load, String avatarUrl, int ticketCapacity) {
	}

	public AgentView me(long userId) {
		return view(List.of(this.agents.findOrCreate(userId, now()))).get(0);
	}

	public List<AgentView> list() {
		return view(this.agents.findAll());
	}

	public AgentView setStatus(long userId, String status) {
		AgentStatus to = status(status);
		AgentProfile profile = this.agents.findOrCreate(userId, now());
		if (!changeStatus(profile, to)) {
			// The same status chosen again is still his choice: nothing to give back
			// later.
			this.agents.forgetStatusToResume(userId);
		}
		return me(userId);
	}

	/**
	 * At the start of a console session (after signing in): when the organisation
	 * remembers statuses ({@code routing.rememberStatus}) and presence took the agent
	 * offline because his console closed, he gets back the status he had then. Either way
	 * the remembered status is used up.
	 */
	public AgentView resumeStatus(long userId) {
		AgentProfile profile = this.agents.findOrCreate(userId, now());
		// The console that asks is open: presence must not take the status back before it
		// connects.
		this.agents.seen(List.of(userId), now());
		Optional<AgentStatus> remembered = this.agents.statusToResume(userId);
		if (remembered.isPresent()) {
			if (profile.status() == AgentStatus.OFFLINE
					&& Boolean.parseBoolean(this.settings.get(REMEMBER_STATUS_SETTING))) {
				changeStatus(profile, remembered.get());
			}
			else {
				this.agents.forgetStatusToResume(userId);
			}
		}
		return me(userId);
	}

	/**
	 * Changes an agent's status (a compare-and-set on the status seen) and announces it
	 * in the same transaction; routing offers work to an agent who came online. A status
	 * remembered for the next sign-in is forgotten: the agent's own choice (or routing's)
	 * is newer.
	 * @return whether it changed
	 */
	boolean changeStatus(AgentProfile profile, AgentStatus to) {
		return changeStatus(profile, to, null);
	}

	/**
	 * His console closed: offline, remembering the status he had for his next sign-in.
	 * @return whether it changed
	 */
	boolean disconnected(AgentProfile profile) {
		return changeStatus(profile, AgentStatus.OFFLINE, profile.status());
	}

	private boolean changeStatus(AgentProfile profile, AgentStatus to, AgentStatus toResume) {
		if (profile.status() == to) {
			return false;
		}
		Instant now = now();
		return Boolean.TRUE.equals(this.transactions.execute((tx) -> {
			if (!this.agents.updateStatus(profile.userId(), profile.status(), to, toResume, now)) {
				return false;
			}
			this.events.publishEvent(new AgentStatusChanged(profile.userId(), profile.status(), to, now));
			return true;
		}));
	}

	private static AgentStatus status(String value) {
		for (AgentStatus status : AgentStatus.values()) {
			if (status.value().equals(value)) {
				return status;
			}
		}
		throw invalid("status", "must be online, away or offline");
	}

	/**
	 * @param ticketCapacity unsolved tickets at once; null leaves it as it is
	 */
	public AgentView update(long userId, String publicName, List<String> languages, List<String> skills,
			Integer capacity, Integer ticketCapacity) {
		if (!this.staff.displayNames(List.of(userId)).containsKey(userId)) {
			throw ApiException.notFound("Agent");
		}
		if (capacity == null || capacity < 1 || capacity > AgentProfile.MAX_CAPACITY) {
			throw invalid("capacity", "must be 1 to " + AgentProfile.MAX_CAPACITY);
		}
		if (ticketCapacity != null && (ticketCapacity < 0 || ticketCapacity > TicketCandidates.MAX_TICKET_CAPACITY)) {
			throw invalid("ticketCapacity", "must be 0 to " + TicketCandidates.MAX_TICKET_CAPACITY);
		}
		String name = (publicName != null && !publicName.isBlank()) ? publicName.strip() : null;
		if (name != null && name.length() > 100) {
			throw invalid("publicName", "must be at most 100 characters");
		}
		this.agents.findOrCreate(userId, now());
		List<String> languageTags = tags("languages", languages);
		List<String> skillTags = tags("skills", skills);
		this.transactions.executeWithoutResult((tx) -> {
			this.agents.updateProfile(userId, name, languageTags, skillTags, capacity);
			if (ticketCapacity != null) {
				this.agents.updateTicketCapacity(userId, ticketCapacity);
			}
			this.events.publishEvent(new AgentProfileChanged(userId, capacity, now()));
		});
		return me(userId);
	}

	private List<AgentView> view(List<AgentProfile> profiles) {
		List<Long> ids = profiles.stream().map(AgentProfile::userId).toList();
		Map<Long, dev.parley.identity.StaffDirectory.StaffMember> members = this.staff.members(ids);
		Map<Long, Integer> loads = this.queue.openCounts(ids);
		Map<Long, String> avatarUrls = this.avatars.urls(ids);
		Map<Long, Integer> ticketCapacities = this.agents.ticketCapacities(ids);
		List<AgentView> views = new ArrayList<>();
		for (AgentProfile p : profiles) {
			var member = members.get(p.userId());
			if (member != null && member.enabled()) {
				views.add(new AgentView(p.userId(), member.username(), member.displayName(), p.publicName(),
						p.languages(), p.skills(), p.capacity(), p.status(), loads.getOrDefault(p.userId(), 0),
						avatarUrls.get(p.userId()),
						ticketCapacities.getOrDefault(p.userId(), TicketRouting.DEFAULT_TICKET_CAPACITY)));
			}
		}
		return views;
	}

	static List<String> tags(String field, List<String> values) {
		List<String> clean = new ArrayList<>();
		for (String value : (values != null) ? values : List.<String>of()) {
			String tag = (value != null) ? value.strip().toLowerCase(Locale.ROOT) : "";
			if (!tag.matches("[\\p{L}\\p{N}_.-]{1,30}")) {
				throw invalid(field, "'" + value + "' is not a tag (1-30 letters, digits, '-', '_', '.')");
			}
			if (!clean.contains(tag)) {
				clean.add(tag);
			}
		}
		if (clean.size() > 10) {
			throw invalid(field, "at most 10");
		}
		return clean;
	}

	private Instant now() {
		return Instant.ofEpochMilli(this.clock.millis());
	}

	static ApiException invalid(String field, String message) {
		return ApiException.invalid(field, message);
	}

}
