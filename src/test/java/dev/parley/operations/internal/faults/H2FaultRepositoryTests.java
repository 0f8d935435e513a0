package dev.parley.operations.internal.faults;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2FaultRepositoryTests extends FaultRepositoryContract {

}
