package dev.parley.tickets.internal.query;

import dev.parley.testing.PostgresRepositoryTest;

@PostgresRepositoryTest
class PostgresTicketQueryTests extends TicketQueryContract {

}
