package dev.parley.identity.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import dev.parley.identity.StaffDirectory;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

@Component
class JdbcStaffDirectory implements StaffDirectory {

	private final NamedParameterJdbcTemplate jdbc;

	JdbcStaffDirectory(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<Long, String> displayNames(Collection<Long> userIds) {
		Map<Long, String> names = new HashMap<>();
		if (userIds.isEmpty()) {
			return names;
		}
		this.jdbc.query("SELECT id, display_name FROM staff_user WHERE id IN (:ids)",
				Map.of("ids", userIds.stream().distinct().toList()), (rs) -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		return names;
	}

}
