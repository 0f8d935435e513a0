package dev.parley.tickets.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2TicketRecordsRepositoryTests extends TicketRecordsRepositoryContract {

}
