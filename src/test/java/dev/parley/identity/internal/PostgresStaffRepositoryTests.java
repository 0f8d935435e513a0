package dev.parley.identity.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresStaffRepositoryTests extends StaffRepositoryContract {

}
