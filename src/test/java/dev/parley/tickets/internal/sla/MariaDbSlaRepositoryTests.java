package dev.parley.tickets.internal.sla;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbSlaRepositoryTests extends SlaRepositoryContract {

}
