package dev.parley.analytics.internal;

import dev.parley.testing.H2RepositoryTest;

@H2RepositoryTest
class H2EvaluationFiguresTests extends EvaluationFiguresContract {

}
