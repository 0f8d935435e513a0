package dev.parley.agents.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresShiftRepositoryTests extends ShiftRepositoryContract {

}
