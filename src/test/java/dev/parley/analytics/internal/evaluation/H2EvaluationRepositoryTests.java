package dev.parley.analytics.internal.evaluation;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2EvaluationRepositoryTests extends EvaluationRepositoryContract {

}
