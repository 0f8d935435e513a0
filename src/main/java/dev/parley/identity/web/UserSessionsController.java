package dev.parley.identity.web;

import java.util.List;
import java.util.Map;

import dev.parley.identity.internal.StaffSessions;
import dev.parley.identity.internal.StaffUserRepository;
import dev.parley.platform.ApiException;
import dev.parley.platform.Permission;
import dev.parley.platform.RequiresPermission;
import dev.parley.platform.StaffActor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An administrator's view of a user's sessions: listing and ending them needs
 * {@code user.manage}; every ending is audited.
 */
@RestController
@RequestMapping("/api/v1/users/{userId}/sessions")
class UserSessionsController {

	private final StaffSessions sessions;

	private final StaffUserRepository users;

	UserSessionsController(StaffSessions sessions, StaffUserRepository users) {
		this.sessions = sessions;
		this.users = users;
	}

	@GetMapping
	@RequiresPermission(Permission.USER_MANAGE)
	List<SessionView> list(@PathVariable long userId) {
		requireUser(userId);
		return this.sessions.of(userId)
			.stream()
			.map((session) -> SessionView.of(session, SessionController.currentKey()))
			.toList();
	}

	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.USER_MANAGE)
	ResponseEntity<Void> end(@PathVariable long userId, @PathVariable String id, StaffActor actor) {
		requireUser(userId);
		this.sessions.end(userId, id, actor);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping
	@RequiresPermission(Permission.USER_MANAGE)
	Map<String, Integer> endAll(@PathVariable long userId, StaffActor actor) {
		requireUser(userId);
		return Map.of("ended", this.sessions.endAll(userId, actor));
	}

	private void requireUser(long userId) {
		if (this.users.findById(userId).isEmpty()) {
			throw ApiException.notFound("User");
		}
	}

}
