package dev.parley.customers;

/** No plain personal data in a raw dump of H2. */
class H2PersonalDataAtRestTests extends PersonalDataAtRest {

}
