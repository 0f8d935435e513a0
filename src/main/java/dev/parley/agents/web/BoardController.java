package dev.parley.agents.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.agents.AgentStatus;
import dev.parley.agents.RoutingStrategy;
import dev.parley.agents.internal.AgentGroup;
import dev.parley.agents.internal.Agents;
import dev.parley.agents.internal.BoardSettings;
import dev.parley.agents.internal.Groups;
import dev.parley.conversations.ConversationQueue;
import dev.parley.conversations.GroupDirectory;
import dev.parley.conversations.views.ChatViews;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The supervisor's live board: agents, queues and conversations in progress. */
@RestController
class BoardController {

	private final Agents agents;

	private final Groups groups;

	private final ConversationQueue queue;

	private final ChatViews views;

	private final dev.parley.agents.internal.Shifts shifts;

	private final java.time.Clock clock;

	private final BoardSettings settings;

	BoardController(Agents agents, Groups groups, ConversationQueue queue, ChatViews views,
			dev.parley.agents.internal.Shifts shifts, java.time.Clock clock, BoardSettings settings) {
		this.settings = settings;
		this.shifts = shifts;
		this.clock = clock;
		this.agents = agents;
		this.groups = groups;
		this.queue = queue;
		this.views = views;
	}

	record BoardAgent(long userId, String displayName, String publicName, AgentStatus status, boolean onShift,
			int capacity, int load, List<Long> groupIds, String avatarUrl) {
	}

	record QueueTile(Long id, String name, RoutingStrategy routing, boolean open, Instant opensAt, int waiting,
			Instant longestWaitingSince, int online, int capacity, int load) {
	}

	record Unassigned(int waiting, Instant longestWaitingSince) {
	}

	/**
	 * @param replyWarningSeconds how long a visitor may wait for a reply (a
	 * conversation's {@code waitingSince}) before the board highlights it
	 */
	record Board(List<BoardAgent> agents, List<QueueTile> groups, Unassigned unassigned,
			List<ChatViews.ConversationView> conversations, long replyWarningSeconds) {
	}

	@GetMapping("/api/v1/board")
	@RequiresPermission(Permission.TEAM_VIEW)
	Board board() {
		List<AgentGroup> groupList = this.groups.list();
		Map<Long, List<Long>> groupsOfAgent = new HashMap<>();
		for (AgentGroup group : groupList) {
			for (AgentGroup.Member member : group.members()) {
				groupsOfAgent.computeIfAbsent(member.userId(), (id) -> new ArrayList<>()).add(group.id());
			}
		}
		List<Agents.AgentView> agentList = this.agents.list();
		Instant now = this.clock.instant();
		java.util.Set<Long> onShift = this.shifts.onShift(agentList.stream().map(Agents.AgentView::userId).toList(),
				now);
		Map<Long, Agents.AgentView> byId = new HashMap<>();
		agentList.forEach((agent) -> byId.put(agent.userId(), agent));
		Map<Long, ConversationQueue.QueueStats> stats = new HashMap<>();
		ConversationQueue.QueueStats none = null;
		for (ConversationQueue.QueueStats entry : this.queue.queueStats()) {
			if (entry.groupId() == null) {
				none = entry;
			}
			else {
				stats.put(entry.groupId(), entry);
			}
		}
		Map<Long, GroupDirectory.Hours> hoursOf = this.shifts.hours(groupList.stream().map(AgentGroup::id).toList(),
				now);
		List<QueueTile> tiles = new ArrayList<>();
		for (AgentGroup group : groupList) {
			int online = 0;
			int capacity = 0;
			int load = 0;
			for (AgentGroup.Member member : group.members()) {
				Agents.AgentView agent = byId.get(member.userId());
				if (agent != null && agent.status() == AgentStatus.ONLINE && onShift.contains(agent.userId())) {
					online++;
					capacity += agent.capacity();
					load += agent.load();
				}
			}
			ConversationQueue.QueueStats entry = stats.get(group.id());
			GroupDirectory.Hours hours = hoursOf.get(group.id());
			tiles.add(new QueueTile(group.id(), group.name(), group.routing(), hours.open(), hours.opensAt(),
					(entry != null) ? entry.waiting() : 0, (entry != null) ? entry.longestWaitingSince() : null, online,
					capacity, load));
		}
		List<BoardAgent> boardAgents = agentList.stream()
			.map((a) -> new BoardAgent(a.userId(), a.displayName(), a.publicName(), a.status(),
					onShift.contains(a.userId()), a.capacity(), a.load(),
					groupsOfAgent.getOrDefault(a.userId(), List.of()), a.avatarUrl()))
			.toList();
		return new Board(boardAgents, tiles,
				new Unassigned((none != null) ? none.waiting() : 0, (none != null) ? none.longestWaitingSince() : null),
				this.views.inProgress(200), this.settings.replyWarning().toSeconds());
	}

}
