package dev.parley.notifications.internal.preferences;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2StaffPreferenceRepositoryTests extends StaffPreferenceRepositoryContract {

}
