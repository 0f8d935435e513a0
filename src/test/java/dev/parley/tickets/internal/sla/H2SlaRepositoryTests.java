package dev.parley.tickets.internal.sla;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2SlaRepositoryTests extends SlaRepositoryContract {

}
