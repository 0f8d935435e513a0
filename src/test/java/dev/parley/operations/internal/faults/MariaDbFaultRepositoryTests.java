package dev.parley.operations.internal.faults;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbFaultRepositoryTests extends FaultRepositoryContract {

}
