package dev.parley.identity.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2StaffRepositoryTests extends StaffRepositoryContract {

}
