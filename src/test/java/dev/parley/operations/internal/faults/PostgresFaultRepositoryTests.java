package dev.parley.operations.internal.faults;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresFaultRepositoryTests extends FaultRepositoryContract {

}
