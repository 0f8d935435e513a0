package dev.parley.operations.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2SelfCheckRepositoryTests extends SelfCheckRepositoryContract {

}
