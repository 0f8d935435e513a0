package dev.parley.notifications.internal.preferences;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresStaffPreferenceRepositoryTests extends StaffPreferenceRepositoryContract {

}
