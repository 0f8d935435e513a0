package dev.parley.tickets.internal.query;

import dev.parley.testing.MariaDbRepositoryTest;

@MariaDbRepositoryTest
class MariaDbTicketQueryTests extends TicketQueryContract {

}
