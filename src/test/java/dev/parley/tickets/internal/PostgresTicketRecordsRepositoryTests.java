package dev.parley.tickets.internal;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresTicketRecordsRepositoryTests extends TicketRecordsRepositoryContract {

}
