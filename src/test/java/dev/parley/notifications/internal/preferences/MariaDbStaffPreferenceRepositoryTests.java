package dev.parley.notifications.internal.preferences;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbStaffPreferenceRepositoryTests extends StaffPreferenceRepositoryContract {

}
