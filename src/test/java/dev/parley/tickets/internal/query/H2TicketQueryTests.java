package dev.parley.tickets.internal.query;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2TicketQueryTests extends TicketQueryContract {

}
