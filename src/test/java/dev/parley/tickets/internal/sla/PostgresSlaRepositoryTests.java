package dev.parley.tickets.internal.sla;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresSlaRepositoryTests extends SlaRepositoryContract {

}
