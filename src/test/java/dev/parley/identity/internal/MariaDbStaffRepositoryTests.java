package dev.parley.identity.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbStaffRepositoryTests extends StaffRepositoryContract {

}
