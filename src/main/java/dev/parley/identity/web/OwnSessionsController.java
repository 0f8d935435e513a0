package dev.parley.identity.web;

import java.util.List;
import java.util.Map;

import dev.parley.identity.internal.SessionKey;
import dev.parley.identity.internal.StaffSessions;
import dev.parley.platform.StaffActor;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;

/**
 * The signed-in user's own sessions: which devices are signed in, and ending any of them
 * (no password needed: ending a session only takes access away). Every staff member may.
 */
@RestController
@RequestMapping("/api/v1/session/sessions")
class OwnSessionsController {

	private final StaffSessions sessions;

	OwnSessionsController(StaffSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	List<SessionView> list(StaffActor actor) {
		SessionKey current = SessionController.currentKey();
		return this.sessions.of(actor.id()).stream().map((session) -> SessionView.of(session, current)).toList();
	}

	/** Ends one of the user's sessions; ending the current one signs this browser out. */
	@DeleteMapping("/{id}")
	ResponseEntity<Void> end(@PathVariable String id, StaffActor actor) {
		this.sessions.end(actor.id(), id, actor);
		return ResponseEntity.noContent().build();
	}

	/** Ends every session of the user but this one. */
	@DeleteMapping
	Map<String, Integer> endOthers(StaffActor actor) {
		return Map.of("ended", this.sessions.endOthers(actor.id(), SessionController.currentKey(), actor));
	}

}
