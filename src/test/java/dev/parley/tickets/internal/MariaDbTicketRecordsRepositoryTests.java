package dev.parley.tickets.internal;

import dev.parley.testing.MariaDbRepositoryTest;

/**
 * Off until V20 runs on MariaDB: its index ix_ticket_field_value (field_id, text_value
 * VARCHAR(1000), ticket_id) is longer than InnoDB's 3,072 bytes in four-byte UTF-8, so
 * the migration fails there (a shorter text_value, e.g. VARCHAR(700), fits).
 */
@MariaDbRepositoryTest
class MariaDbTicketRecordsRepositoryTests extends TicketRecordsRepositoryContract {

}
