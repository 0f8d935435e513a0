package dev.parley.agents.internal;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbGroupRepositoryTests extends GroupRepositoryContract {

}
