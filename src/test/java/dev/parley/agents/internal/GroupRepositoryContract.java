package dev.parley.agents.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.parley.agents.RoutingStrategy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the group repository must do on every supported database; one subclass per
 * database ({@code @H2RepositoryTest} and the like) runs these tests on the real
 * migrations on a real engine, each in a transaction rolled back at its end.
 */
@Transactional
abstract class GroupRepositoryContract {

	@Autowired
	GroupRepository groups;

	@Autowired
	ShiftRepository shifts;

	@Autowired
	JdbcClient jdbc;

	private long insert(String name) {
		return this.groups.insert(name, null, RoutingStrategy.LEAST_BUSY, null, Instant.EPOCH);
	}

	private long user(String username) {
		return ReferencedRows.staffUser(this.jdbc, username);
	}

	@Test
	void storesAndFindsAGroupWithTextVerbatim() {
		String name = "售后 «VIP» 'quoted' \"double\" \\ % _ ;--";
		String description = "<b>不是 HTML</b> 😀 line\nbreak";
		Instant created = Instant.ofEpochMilli(1_800_000_000_123L);
		long overflow = insert("Overflow");
		long id = this.groups.insert(name, description, RoutingStrategy.ROUND_ROBIN, overflow, created);

		AgentGroup group = this.groups.findById(id).orElseThrow();
		assertThat(group.id()).isEqualTo(id);
		assertThat(group.name()).isEqualTo(name);
		assertThat(group.description()).isEqualTo(description);
		assertThat(group.routing()).isEqualTo(RoutingStrategy.ROUND_ROBIN);
		assertThat(group.overflowGroupId()).isEqualTo(overflow);
		assertThat(group.members()).isEmpty();
		assertThat(group.channelIds()).isEmpty();
		assertThat(group.createdAt()).isEqualTo(created);
		AgentGroup plain = this.groups.findById(overflow).orElseThrow();
		assertThat(plain.description()).isNull();
		assertThat(plain.overflowGroupId()).isNull();
		assertThat(this.groups.findById(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void aNameIsTakenOnlyByAnotherGroupWithExactlyThatName() {
		long sales = insert("Sales");
		assertThat(this.groups.nameTaken("Sales", null)).isTrue();
		assertThat(this.groups.nameTaken("Sales", sales)).as("its own name").isFalse();
		assertThat(this.groups.nameTaken("Sales", Long.MAX_VALUE)).isTrue();
		assertThat(this.groups.nameTaken("sales", null)).as("case matters").isFalse();
		// no trailing spaces: MariaDB's utf8mb4_bin compares with PAD SPACE ("Sales "
		// equals
		// "Sales"), the others do not; Groups strips names before they get here
		assertThat(this.groups.nameTaken("Sale%", null)).as("no wildcards").isFalse();
	}

	@Test
	void refusesASecondGroupWithTheSameName() {
		insert("Support");
		insert("support");
		// the last statement: PostgreSQL takes no more in a transaction after an error
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> insert("Support"));
	}

	@Test
	void refusesToRenameAGroupToATakenName() {
		insert("Billing");
		long other = insert("Invoices");
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.groups.update(other, "Billing", null, RoutingStrategy.MANUAL, null));
	}

	@Test
	void listsEveryGroupByName() {
		long b = insert("Group B");
		long c = insert("Group C");
		long a = insert("Group A");
		assertThat(this.groups.findAll()).extracting(AgentGroup::id)
			.containsSubsequence(a, b, c)
			.doesNotHaveDuplicates();
		assertThat(this.groups.findAll()).filteredOn((g) -> g.name().startsWith("Group "))
			.extracting(AgentGroup::name)
			.containsExactly("Group A", "Group B", "Group C");
	}

	@Test
	void updatesEveryField() {
		long id = insert("Before");
		long overflow = insert("Spill");
		this.groups.update(id, "After 之后", "Now described", RoutingStrategy.MANUAL, overflow);
		AgentGroup group = this.groups.findById(id).orElseThrow();
		assertThat(group.name()).isEqualTo("After 之后");
		assertThat(group.description()).isEqualTo("Now described");
		assertThat(group.routing()).isEqualTo(RoutingStrategy.MANUAL);
		assertThat(group.overflowGroupId()).isEqualTo(overflow);
		this.groups.update(id, "After 之后", null, RoutingStrategy.LEAST_BUSY, null);
		assertThat(this.groups.findById(id).orElseThrow().overflowGroupId()).isNull();
		assertThat(this.groups.findById(id).orElseThrow().description()).isNull();
	}

	@Test
	void membersAreReplacedAndReadInUserOrder() {
		long first = insert("First");
		long second = insert("Second");
		long ann = user("ann");
		long bob = user("bob");
		long cho = user("cho");
		this.groups.replaceMembers(first, List.of(new AgentGroup.Member(cho, true), new AgentGroup.Member(ann, false)));
		this.groups.replaceMembers(second, List.of(new AgentGroup.Member(ann, true)));
		assertThat(this.groups.findById(first).orElseThrow().members())
			.containsExactly(new AgentGroup.Member(ann, false), new AgentGroup.Member(cho, true));

		this.groups.replaceMembers(first, List.of(new AgentGroup.Member(bob, false)));
		assertThat(this.groups.findById(first).orElseThrow().members())
			.containsExactly(new AgentGroup.Member(bob, false));
		assertThat(this.groups.findById(second).orElseThrow().members()).as("another group's members stay")
			.containsExactly(new AgentGroup.Member(ann, true));
		assertThat(this.groups.groupsOf(ann)).containsExactly(second);
		assertThat(this.groups.allMembers()).contains(ann, bob).doesNotContain(cho);
		assertThat(this.groups.memberships()).extracting((pair) -> List.of(pair[0], pair[1]))
			.contains(List.of(first, bob), List.of(second, ann))
			.doesNotContain(List.of(first, cho), List.of(first, ann));

		this.groups.replaceMembers(first, List.of());
		assertThat(this.groups.findById(first).orElseThrow().members()).isEmpty();
	}

	@Test
	void anAgentsGroupsComeInIdOrderAndAUserInTwoGroupsCountsOnce() {
		long later = insert("Later");
		long earlier = insert("Earlier");
		long dee = user("dee");
		this.groups.replaceMembers(earlier, List.of(new AgentGroup.Member(dee, false)));
		this.groups.replaceMembers(later, List.of(new AgentGroup.Member(dee, true)));
		assertThat(this.groups.groupsOf(dee)).containsExactly(later, earlier);
		assertThat(this.groups.allMembers().stream().filter((id) -> id == dee)).hasSize(1);
		assertThat(this.groups.groupsOf(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void aChannelIsAnsweredByOneGroupAtATime() {
		long first = insert("Web");
		long second = insert("App");
		long web = ReferencedRows.channel(this.jdbc, "web");
		long app = ReferencedRows.channel(this.jdbc, "app");
		long mini = ReferencedRows.channel(this.jdbc, "mini");
		this.groups.replaceChannels(first, List.of(web, app));
		assertThat(this.groups.findById(first).orElseThrow().channelIds()).containsExactly(web, app);
		assertThat(this.groups.groupOfChannel(app)).contains(first);

		this.groups.replaceChannels(second, List.of(mini, app));
		assertThat(this.groups.groupOfChannel(app)).as("moved").contains(second);
		assertThat(this.groups.findById(first).orElseThrow().channelIds()).containsExactly(web);
		assertThat(this.groups.findById(second).orElseThrow().channelIds()).containsExactly(app, mini);

		this.groups.replaceChannels(second, List.of());
		assertThat(this.groups.groupOfChannel(app)).isEmpty();
		assertThat(this.groups.groupOfChannel(Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void deletingAGroupTakesItsMembersChannelsAndShiftsAndLeavesNoOverflowPointingAtIt() {
		long doomed = insert("Doomed");
		long pointing = this.groups.insert("Pointing", null, RoutingStrategy.LEAST_BUSY, doomed, Instant.EPOCH);
		long eve = user("eve");
		long channel = ReferencedRows.channel(this.jdbc, "doomed");
		this.groups.replaceMembers(doomed, List.of(new AgentGroup.Member(eve, true)));
		this.groups.replaceChannels(doomed, List.of(channel));
		this.shifts.replaceSlots(doomed, null, ShiftRepository.HOURS,
				List.of(new Schedule.Slot(java.time.DayOfWeek.MONDAY, java.time.LocalTime.NOON, 60)));

		this.groups.delete(doomed);

		assertThat(this.groups.findById(doomed)).isEmpty();
		assertThat(this.groups.findById(pointing).orElseThrow().overflowGroupId()).isNull();
		assertThat(this.groups.groupsOf(eve)).isEmpty();
		assertThat(this.groups.groupOfChannel(channel)).isEmpty();
		assertThat(this.shifts.slots()).extracting(ShiftRepository.StoredSlot::groupId).doesNotContain(doomed);
		assertThat(count("SELECT COUNT(*) FROM chat_channel WHERE id = ?", channel)).as("the channel stays").isOne();
	}

	@Test
	void aDeletedUserLeavesEveryGroup() {
		long group = insert("Leavers");
		long fay = user("fay");
		long gus = user("gus");
		this.groups.replaceMembers(group, List.of(new AgentGroup.Member(fay, true), new AgentGroup.Member(gus, false)));
		ReferencedRows.deleteStaffUser(this.jdbc, fay);
		assertThat(this.groups.findById(group).map(AgentGroup::members))
			.isEqualTo(Optional.of(List.of(new AgentGroup.Member(gus, false))));
		assertThat(this.groups.allMembers()).doesNotContain(fay);
	}

	private long count(String sql, long id) {
		return this.jdbc.sql(sql).param(id).query(Long.class).single();
	}

}
