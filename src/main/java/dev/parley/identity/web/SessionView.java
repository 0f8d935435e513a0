package dev.parley.identity.web;

import java.time.Instant;

import dev.parley.identity.internal.DeviceName;
import dev.parley.identity.internal.SessionKey;
import dev.parley.identity.internal.StaffSessions;

/**
 * A signed-in session as the API shows it: never its session id, only its public id.
 *
 * @param device in English, e.g. {@code Chrome on Windows}
 * @param browser e.g. {@code Chrome}, or null when not recognised
 * @param system e.g. {@code Windows}, or null when not recognised
 * @param current whether it is the session of the request that asks
 */
record SessionView(String id, String device, String browser, String system, String signInAddress, String lastAddress,
		Instant signedInAt, Instant lastUsedAt, boolean current) {

	static SessionView of(StaffSessions.ActiveSession session, SessionKey current) {
		DeviceName device = session.device();
		return new SessionView(session.id(), device.describe(), device.browser(), device.system(),
				session.signInAddress(), session.lastAddress(), session.signedInAt(), session.lastUsedAt(),
				current != null && current.id().equals(session.id()));
	}

}
