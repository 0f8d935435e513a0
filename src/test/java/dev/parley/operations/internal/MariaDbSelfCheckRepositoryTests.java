package dev.parley.operations.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbSelfCheckRepositoryTests extends SelfCheckRepositoryContract {

}
