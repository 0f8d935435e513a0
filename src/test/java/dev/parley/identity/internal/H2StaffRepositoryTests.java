package dev.parley.identity.internal;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.test.context.ActiveProfiles;

@JdbcTest
@ActiveProfiles("test")
class H2StaffRepositoryTests extends StaffRepositoryContract {

}
