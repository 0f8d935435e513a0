package dev.parley.agents.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2ShiftRepositoryTests extends ShiftRepositoryContract {

}
