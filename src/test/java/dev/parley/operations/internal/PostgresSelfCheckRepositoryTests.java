package dev.parley.operations.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresSelfCheckRepositoryTests extends SelfCheckRepositoryContract {

}
