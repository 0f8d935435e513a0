package dev.parley.customers;

/**
 * Two first arrivals with one identity at once become one customer, on H2 (the test
 * context's database).
 */
class H2IdentityRaceTests extends IdentityRace {

}
